import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ApplicationRecordsModule } from '../applications/application-records.module.js';
import { EligibilityModule } from '../eligibility/eligibility.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ReviewQueueModule } from '../review/review-queue.module.js';
import { RegistriesModule } from '../registries/registries.module.js';
import { DeterminationService } from './determination.service.js';
import { VERIFICATION_FLOW, VerificationQueue } from './verification.queue.js';
import { VerificationRecords } from './verification-records.repository.js';
import { VerificationRepository } from './verification.repository.js';
import { VerificationService } from './verification.service.js';

/** Verifications as records and flows: recording and enqueuing them, and turning stored answers into determinations. */
@Module({
  imports: [
    BullModule.registerFlowProducer({ name: VERIFICATION_FLOW }),
    RegistriesModule,
    ApplicationRecordsModule,
    EligibilityModule,
    ReviewQueueModule,
    NotificationsModule,
  ],
  providers: [VerificationRepository, VerificationRecords, VerificationQueue, VerificationService, DeterminationService],
  exports: [VerificationService, VerificationRepository, VerificationRecords, VerificationQueue, DeterminationService],
})
export class VerificationModule {}
