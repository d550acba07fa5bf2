import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module.js';
import { ReviewQueueModule } from '../review/review-queue.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { ApplicationReadsService } from './application-reads.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';

@Module({
  imports: [VerificationModule, EligibilityModule, ReviewQueueModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsRepository, ApplicationsService, ApplicationReadsService],
  exports: [ApplicationsService, ApplicationsRepository],
})
export class ApplicationsModule {}
