import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import { QueueName, type VerificationJobData } from '../../core/queue/queue.types.js';
import { DeterminationService } from './determination.service.js';

@Processor(QueueName.Determination)
export class DeterminationProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly determinations: DeterminationService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job<VerificationJobData>): Promise<void> {
    await this.determinations.determine(job.data.verificationId);
  }
}
