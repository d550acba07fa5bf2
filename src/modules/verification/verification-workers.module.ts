import { Module } from '@nestjs/common';
import { RegistriesModule } from '../registries/registries.module.js';
import { BusinessRegistryCheck } from './checks/business-registry.check.js';
import { HouseholdRegistryCheck } from './checks/household-registry.check.js';
import { VehicleRegistryCheck } from './checks/vehicle-registry.check.js';
import { DeterminationProcessor } from './determination.processor.js';
import { BusinessRegistryProcessor, HouseholdRegistryProcessor, VehicleRegistryProcessor } from './registry-check.processor.js';
import { SourceCheckService } from './source-check.service.js';
import { VerificationModule } from './verification.module.js';
import { VerificationSweeper } from './verification.sweeper.js';

/**
 * The background half of the service: the BullMQ workers of every queue and the sweeper.
 * A process in `api` mode leaves it out and only enqueues.
 */
@Module({
  imports: [VerificationModule, RegistriesModule],
  providers: [
    SourceCheckService,
    HouseholdRegistryCheck,
    VehicleRegistryCheck,
    BusinessRegistryCheck,
    HouseholdRegistryProcessor,
    VehicleRegistryProcessor,
    BusinessRegistryProcessor,
    DeterminationProcessor,
    VerificationSweeper,
  ],
})
export class VerificationWorkersModule {}
