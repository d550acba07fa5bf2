import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { EligibilityModule } from '../eligibility/eligibility.module.js';
import { ReviewQueueModule } from '../review/review-queue.module.js';
import { RegistriesModule } from '../registries/registries.module.js';
import { BusinessRegistryCheck } from './checks/business-registry.check.js';
import { HouseholdRegistryCheck } from './checks/household-registry.check.js';
import { VehicleRegistryCheck } from './checks/vehicle-registry.check.js';
import { DeterminationProcessor } from './determination.processor.js';
import { DeterminationService } from './determination.service.js';
import { BusinessRegistryProcessor, HouseholdRegistryProcessor, VehicleRegistryProcessor } from './registry-check.processor.js';
import { SourceCheckService } from './source-check.service.js';
import { VERIFICATION_FLOW, VerificationQueue } from './verification.queue.js';
import { VerificationRepository } from './verification.repository.js';
import { VerificationService } from './verification.service.js';
import { VerificationSweeper } from './verification.sweeper.js';

@Module({
  imports: [BullModule.registerFlowProducer({ name: VERIFICATION_FLOW }), RegistriesModule, EligibilityModule, ReviewQueueModule],
  providers: [
    VerificationRepository,
    VerificationQueue,
    VerificationService,
    VerificationSweeper,
    SourceCheckService,
    DeterminationService,
    HouseholdRegistryCheck,
    VehicleRegistryCheck,
    BusinessRegistryCheck,
    HouseholdRegistryProcessor,
    VehicleRegistryProcessor,
    BusinessRegistryProcessor,
    DeterminationProcessor,
  ],
  exports: [VerificationService, DeterminationService],
})
export class VerificationModule {}
