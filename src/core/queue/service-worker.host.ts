import { hostname } from 'node:os';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { settledWithin } from '../async/settled-within.js';
import { AppConfig } from '../config/app.config.js';
import { databaseUnavailable } from '../database/database-unavailable.js';
import { runWithCorrelationId } from '../logging/job-log-context.js';
import { JobAttemptRecorder } from './job-attempt.recorder.js';
import { type JobHandlers, handlesJob, isJobNamed } from './job-handlers.js';
import type { JobName } from './queue.types.js';

/** How long a worker waits, after an error reaching Redis, before it fetches jobs again. */
const WORKER_RETRY_DELAY_MS = 1000;

/** How long a job waits when the database could not be reached, before it runs again; jittered. */
export const DATABASE_UNAVAILABLE_DELAY_MS = 2000;

/**
 * What every processor of the service shares:
 * - the configured concurrency and lock duration (which is also how soon a job of a process
 *   that died is found stalled and run again);
 * - a database that cannot be reached does not use up a job's attempts: the job waits and
 *   runs again, for as long as the outage lasts, so that an outage sends nobody to review;
 * - a log line for each failed attempt that names the job and the error's kind. Error
 *   messages are left out: a database error can quote the row it refused;
 * - every log line written while the job runs carries its correlation id, and each attempt's
 *   duration goes to `hedui_job_duration_seconds` by queue and result;
 * - at shutdown, no new job is taken, and those under way get `SHUTDOWN_GRACE_MS` to finish;
 *   whatever is still running then is left to its lock, and runs again elsewhere or after restart.
 *
 * Each processor names its jobs' handlers (`handlers`, typed by the job map); a job of another
 * name fails for good. JobHandlersCheck refuses to start a process where a job name has no
 * handler or two.
 *
 * `@Processor` options are fixed at import time, before the configuration is read, so every
 * processor is declared with `autorun: false` and started here, once its options are in place.
 */
@Injectable()
export abstract class ServiceWorkerHost<N extends JobName = JobName>
  extends WorkerHost
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected readonly logger = new Logger(this.constructor.name);
  // A property, so that the processors' constructors stay as they are.
  @Optional() @Inject(JobAttemptRecorder) private readonly metrics?: JobAttemptRecorder;

  constructor(protected readonly config: AppConfig) {
    super();
  }

  /** The work of each job name this processor takes; may be run more than once for one job, so it must be idempotent. */
  protected abstract readonly handlers: JobHandlers<N>;

  /** The job names this processor has a handler for. */
  handledJobs(): string[] {
    return Object.keys(this.handlers);
  }

  /** The jobs this process is running, so that a shutdown knows what it waits for. */
  private readonly running = new Set<Promise<void>>();

  process(job: Job, token?: string): Promise<void> {
    const run = runWithCorrelationId(job.data.correlationId, () => this.processInContext(job, token));
    this.running.add(run);
    const done = () => void this.running.delete(run);
    run.then(done, done);
    return run;
  }

  private async processInContext(job: Job, token?: string): Promise<void> {
    try {
      await this.handleJob(job.name, job, token);
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

  private async handleJob(name: string, job: Job, token?: string): Promise<void> {
    if (!handlesJob(this.handlers, name)) throw new UnrecoverableError(`No handler for ${name} on this queue`);
    await this.dispatch(name, job, token);
  }

  private async dispatch<K extends N>(name: K, job: Job, token?: string): Promise<void> {
    const handler: JobHandlers<K>[K] = this.handlers[name];
    if (isJobNamed(job, name)) await handler(job, token);
  }

  onApplicationBootstrap(): void {
    Object.assign(this.worker.opts, {
      // Recorded on each job it runs (`processedBy`), so that work can be traced to a process.
      name: `${hostname()}-${process.pid}`,
      lockDuration: this.config.JOB_LOCK_MS,
      stalledInterval: this.config.JOB_LOCK_MS,
      maxStalledCount: 2,
      // How long the worker waits before fetching again after losing Redis (BullMQ's default is
      // 15 s): jobs resume soon after Redis returns, and a shutdown is not held up by the wait.
      runRetryDelay: WORKER_RETRY_DELAY_MS,
    });
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
    if (!this.worker.isRunning()) this.worker.run().catch((error: Error) => this.worker.emit('error', error));
  }

  /**
   * Stops taking jobs, waits up to SHUTDOWN_GRACE_MS for those under way, then closes. The wait
   * is for this process's own jobs, not BullMQ's: `pause()` also waits for the worker's blocking
   * fetch to let go, which can hang for good on a connection that Redis dropped and ioredis is
   * still re-establishing (seen after a Redis restart).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.pause(true);
    const drained = (async () => {
      // A job fetched just before the pause may still start: wait until none is left.
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
    })();
    const result = await settledWithin(drained, this.config.SHUTDOWN_GRACE_MS);
    if (result.status === 'timed-out') {
      this.logger.warn({ queue: this.worker.name }, 'Jobs still running at the end of the grace period; they will run again');
    }
    // Nothing of this process's is running any more, or what is left is left to its lock.
    await this.worker.close(true);
  }

  @OnWorkerEvent('completed')
  onCompleted(job: Job): void {
    this.metrics?.jobAttempt(job, 'completed');
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
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
