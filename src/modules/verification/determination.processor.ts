import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import { QueueName, type VerificationJobData } from '../../core/queue/queue.types.js';
import { ServiceWorkerHost } from '../../core/queue/service-worker.host.js';
import { DeterminationService } from './determination.service.js';

@Processor(QueueName.Determination)
export class DeterminationProcessor extends ServiceWorkerHost {
  constructor(
    private readonly determinations: DeterminationService,
    config: AppConfig,
  ) {
    super(config);
  }

  async process(job: Job<VerificationJobData>): Promise<void> {
    await this.determinations.determine(job.data.verificationId, job.data.correlationId);
  }
}
