import { Processor } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import { type CheckRegistryJobData, QueueName } from '../../core/queue/queue.types.js';
import { ServiceWorkerHost } from '../../core/queue/service-worker.host.js';
import { SourceCheckService } from './source-check.service.js';

/** Runs the checks of one registry's queue; one subclass per queue, so each can be tuned apart. */
@Injectable()
abstract class RegistryCheckProcessor extends ServiceWorkerHost {
  constructor(
    private readonly checks: SourceCheckService,
    config: AppConfig,
  ) {
    super(config);
  }

  async process(job: Job<CheckRegistryJobData>): Promise<void> {
    await this.checks.run(job.data.verificationId, job.data.source, job.data.correlationId);
  }
}

@Processor(QueueName.HouseholdRegistry)
export class HouseholdRegistryProcessor extends RegistryCheckProcessor {}

@Processor(QueueName.VehicleRegistry)
export class VehicleRegistryProcessor extends RegistryCheckProcessor {}

@Processor(QueueName.BusinessRegistry)
export class BusinessRegistryProcessor extends RegistryCheckProcessor {}
