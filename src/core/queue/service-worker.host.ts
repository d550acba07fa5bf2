import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '../config/app.config.js';
import type { VerificationJobData } from './queue.types.js';

/**
 * What every processor of the service shares: the configured concurrency, and a log line
 * for each failed attempt that names the job and the error's kind. Error messages are left
 * out: a database error can quote the row it refused.
 */
@Injectable()
export abstract class ServiceWorkerHost extends WorkerHost implements OnApplicationBootstrap {
  protected readonly logger = new Logger(this.constructor.name);

  constructor(private readonly config: AppConfig) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
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
}
