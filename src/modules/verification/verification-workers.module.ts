import { type DynamicModule, Module } from '@nestjs/common';
import { REGISTRY_ADAPTERS, REGISTRY_CHECKS, type RegistryPlugin } from '../registries/registry-plugin.js';
import { RegistriesModule } from '../registries/registries.module.js';
import type { RegistryCheck } from './checks/registry-check.js';
import { DeterminationProcessor } from './determination.processor.js';
import { registryCheckProcessor } from './registry-check.processor.js';
import { SourceCheckService } from './source-check.service.js';
import { VerificationModule } from './verification.module.js';
import { VerificationSweeper } from './verification.sweeper.js';

/**
 * The background half of the service: the BullMQ workers of every queue (one per registry of
 * the list) and the sweeper. A process in `api` mode leaves it out and only enqueues.
 */
@Module({})
export class VerificationWorkersModule {
  static forRoot(registries: readonly RegistryPlugin[]): DynamicModule {
    return {
      module: VerificationWorkersModule,
      imports: [VerificationModule, RegistriesModule],
      providers: [
        {
          provide: REGISTRY_CHECKS,
          inject: [REGISTRY_ADAPTERS],
          useFactory: (adapters: ReadonlyMap<string, unknown>): ReadonlyMap<string, RegistryCheck> =>
            new Map(registries.map((registry) => [registry.source, registry.check(adapters.get(registry.source))])),
        },
        SourceCheckService,
        ...registries.map((registry) => registryCheckProcessor(registry.queue)),
        DeterminationProcessor,
        VerificationSweeper,
      ],
    };
  }
}
