import { Module } from '@nestjs/common';
import { ApplicationsCoreModule } from '../applications/applications-core.module.js';
import { EligibilityModule } from '../eligibility/eligibility.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { EnrolledHouseholdsRepository } from './enrolled-households.repository.js';
import { ReverificationQueue } from './reverification.queue.js';
import { ReverificationRunner } from './reverification-runner.js';
import { ReverificationRunsRepository } from './reverification-runs.repository.js';
import { ReverificationRunsService } from './reverification-runs.service.js';

/** Periodic re-verification of enrolled households: runs, their records and their steps; no HTTP API, no workers. */
@Module({
  imports: [ApplicationsCoreModule, EligibilityModule, VerificationModule],
  providers: [
    ReverificationRunsRepository,
    EnrolledHouseholdsRepository,
    ReverificationQueue,
    ReverificationRunsService,
    ReverificationRunner,
  ],
  exports: [ReverificationRunsRepository, ReverificationQueue, ReverificationRunsService, ReverificationRunner],
})
export class ReverificationModule {}
