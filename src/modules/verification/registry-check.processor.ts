import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import { type CheckRegistryJobData, QueueName } from '../../core/queue/queue.types.js';
import { SourceCheckService } from './source-check.service.js';

/** Runs the checks of one registry's queue; one subclass per queue, so each can be tuned apart. */
@Injectable()
abstract class RegistryCheckProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly checks: SourceCheckService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: Job<CheckRegistryJobData>): Promise<void> {
    await this.checks.run(job.data.verificationId, job.data.source);
  }
}

@Processor(QueueName.HouseholdRegistry)
export class HouseholdRegistryProcessor extends RegistryCheckProcessor {}

@Processor(QueueName.VehicleRegistry)
export class VehicleRegistryProcessor extends RegistryCheckProcessor {}

@Processor(QueueName.BusinessRegistry)
export class BusinessRegistryProcessor extends RegistryCheckProcessor {}
