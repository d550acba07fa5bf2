import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { ApplicationReadsService } from './application-reads.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';

@Module({
  imports: [VerificationModule, EligibilityModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsRepository, ApplicationsService, ApplicationReadsService],
})
export class ApplicationsModule {}
