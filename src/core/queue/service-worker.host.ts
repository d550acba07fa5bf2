import { hostname } from 'node:os';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job, type RateLimiterOptions } from 'bullmq';
import { AppConfig } from '../config/app.config.js';
import { databaseUnavailable } from '../database/database-unavailable.js';
import { runWithCorrelationId } from '../logging/job-log-context.js';
import { Metrics } from '../../modules/metrics/metrics.service.js';
import type { VerificationJobData } from './queue.types.js';

/** How long a job waits when the database could not be reached, before it runs again; jittered. */
export const DATABASE_UNAVAILABLE_DELAY_MS = 2000;

/**
 * What every processor of the service shares:
 * - the configured concurrency, lock duration (which is also how soon a job of a process that
 *   died is found stalled and run again) and, for those that define one, a rate limiter;
 * - a database that cannot be reached does not use up a job's attempts: the job waits and
 *   runs again, for as long as the outage lasts, so that an outage sends nobody to review;
 * - a log line for each failed attempt that names the job and the error's kind. Error
 *   messages are left out: a database error can quote the row it refused;
 * - every log line written while the job runs carries its correlation id, and each attempt's
 *   duration goes to `hedui_job_duration_seconds` by queue and result;
 * - at shutdown, no new job is taken, and those under way get `SHUTDOWN_GRACE_MS` to finish;
 *   whatever is still running then is left to its lock, and runs again elsewhere or after restart.
 *
 * `@Processor` options are fixed at import time, before the configuration is read, so every
 * processor is declared with `autorun: false` and started here, once its options are in place.
 */
@Injectable()
export abstract class ServiceWorkerHost<Data extends Pick<VerificationJobData, 'correlationId'> = VerificationJobData>
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected readonly logger = new Logger(this.constructor.name);
  // A property, so that the processors' constructors stay as they are.
  @Optional() @Inject(Metrics) private readonly metrics?: Metrics;

  constructor(protected readonly config: AppConfig) {
    super();
  }

  /** The job's work; may be run more than once for one job, so it must be idempotent. */
  protected abstract handle(job: Job<Data>): Promise<void>;

  process(job: Job<Data>, token?: string): Promise<void> {
    return runWithCorrelationId(job.data.correlationId, () => this.processInContext(job, token));
  }

  private async processInContext(job: Job<Data>, token?: string): Promise<void> {
    try {
      await this.handle(job);
    } catch (error) {
      if (!databaseUnavailable(error) || token === undefined) throw error;
      const delayMs = Math.round(DATABASE_UNAVAILABLE_DELAY_MS * (0.5 + Math.random()));
      await job.moveToDelayed(Date.now() + delayMs, token).catch(() => {
        throw error;
      });
      this.logger.warn(
        { queue: job.queueName, jobId: job.id, correlationId: job.data.correlationId, delayMs },
        'Database unavailable; job postponed',
      );
      throw new DelayedError();
    }
  }

  onApplicationBootstrap(): void {
    Object.assign(this.worker.opts, {
      // Recorded on each job it runs (`processedBy`), so that work can be traced to a process.
      name: `${hostname()}-${process.pid}`,
      lockDuration: this.config.JOB_LOCK_MS,
      stalledInterval: this.config.JOB_LOCK_MS,
      maxStalledCount: 2,
    });
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
    const limiter = this.limiter();
    if (limiter) this.worker.opts.limiter = limiter;
    if (!this.worker.isRunning()) this.worker.run().catch((error: Error) => this.worker.emit('error', error));
  }

  async beforeApplicationShutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), this.config.SHUTDOWN_GRACE_MS);
    });
    // pause() stops taking jobs and resolves once those under way have finished.
    const drained = this.worker.pause().then(() => 'drained' as const);
    const result = await Promise.race([drained, grace]);
    clearTimeout(timer);
    if (result === 'expired') {
      this.logger.warn({ queue: this.worker.name }, 'Jobs still running at the end of the grace period; they will run again');
    }
    await this.worker.close(result === 'expired');
  }

  /** The worker's rate limiter, if it has one. */
  protected limiter(): RateLimiterOptions | undefined {
    return undefined;
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job<Data>): void {
    this.metrics?.jobAttempt(job, 'completed');
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<Data> | undefined, error: Error): void {
    if (job) this.metrics?.jobAttempt(job, 'failed');
    this.logger.error(
      {
        queue: job?.queueName,
        job: job?.name,
        jobId: job?.id,
        attemptsMade: job?.attemptsMade,
        correlationId: job?.data.correlationId,
        error: error.name,
        code: (error as { code?: unknown }).code,
      },
      'Job attempt failed',
    );
  }

  /**
   * Connection losses and script errors of the worker itself (Redis restarted under it, say).
   * BullMQ recovers from them on its own; without a listener, Node would treat the 'error'
   * event as fatal and end the process.
   */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ error: error.name, code: (error as { code?: unknown }).code }, 'Worker error');
  }
}
