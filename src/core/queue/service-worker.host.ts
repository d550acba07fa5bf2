import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, RateLimiterOptions } from 'bullmq';
import { AppConfig } from '../config/app.config.js';
import type { VerificationJobData } from './queue.types.js';

/**
 * What every processor of the service shares: the configured concurrency (and a rate
 * limiter, for those that define one), and a log line for each failed attempt that names the
 * job and the error's kind. Error messages are left out: a database error can quote the row
 * it refused.
 *
 * `@Processor` options are fixed at import time, before the configuration is read, so both
 * are set here at bootstrap. BullMQ reads `opts.limiter` on every fetch, but a worker that
 * already runs may have fetched jobs without it: a processor with a limiter is declared with
 * `autorun: false` and started here, once its options are in place.
 */
@Injectable()
export abstract class ServiceWorkerHost extends WorkerHost implements OnApplicationBootstrap {
  protected readonly logger = new Logger(this.constructor.name);

  constructor(protected readonly config: AppConfig) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
    const limiter = this.limiter();
    if (limiter) this.worker.opts.limiter = limiter;
    if (!this.worker.isRunning()) this.worker.run().catch((error: Error) => this.worker.emit('error', error));
  }

  /** The worker's rate limiter, if it has one. */
  protected limiter(): RateLimiterOptions | undefined {
    return undefined;
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<VerificationJobData> | undefined, error: Error): void {
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
