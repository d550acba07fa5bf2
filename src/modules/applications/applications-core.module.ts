import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module.js';
import { ReviewQueueModule } from '../review/review-queue.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { ApplicationRecordsModule } from './application-records.module.js';
import { ApplicationReadsService } from './application-reads.service.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';

/**
 * Applications as records (intake, reads, re-verification) without their HTTP API, so that
 * worker processes, which serve no API, can start re-verifications too.
 */
@Module({
  imports: [VerificationModule, EligibilityModule, ReviewQueueModule, ApplicationRecordsModule],
  providers: [ApplicationsRepository, ApplicationsService, ApplicationReadsService],
  exports: [ApplicationsService, ApplicationsRepository, ApplicationReadsService, ApplicationRecordsModule],
})
export class ApplicationsCoreModule {}
