import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import type { JobHandlers } from '../../core/queue/job-handlers.js';
import { JobName, QueueName, type TypedJob } from '../../core/queue/queue.types.js';
import { failedForGood } from '../../core/queue/failed-for-good.js';
import { ServiceWorkerHost } from '../../core/queue/service-worker.host.js';
import { DeterminationService, failureReason } from './determination.service.js';

// `autorun: false`: ServiceWorkerHost starts the worker once its options are set.
@Processor(QueueName.Determination, { autorun: false })
export class DeterminationProcessor extends ServiceWorkerHost<JobName.DetermineEligibility> {
  constructor(
    private readonly determinations: DeterminationService,
    config: AppConfig,
  ) {
    super(config);
  }

  protected readonly handlers: JobHandlers<JobName.DetermineEligibility> = {
    [JobName.DetermineEligibility]: async (job) => {
      await this.determinations.determine(job.data.verificationId, job.data.correlationId);
    },
  };

  /**
   * A poison job: a determination that failed its last attempt sends the application to
   * review with the reason, while the other jobs keep flowing. Should this fail too (or the
   * process die first), the sweeper finds the failed job and does it.
   */
  @OnWorkerEvent('failed')
  async onGivenUp(job: TypedJob<JobName.DetermineEligibility> | undefined, error: Error): Promise<void> {
    if (!job || !failedForGood(job, error)) return;
    const { verificationId, correlationId } = job.data;
    await this.determinations.abandon(verificationId, correlationId, failureReason(job.attemptsMade, error.name)).catch((cause: Error) => {
      this.logger.warn({ verificationId, correlationId, error: cause.name }, 'Failed verification not recorded yet; the sweeper will');
    });
  }
}
