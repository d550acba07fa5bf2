import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { REGISTRY_PLUGINS, type RegistryPlugin } from './registry-plugin.js';

/** The registry list for the whole application (REGISTRY_PLUGINS), with one BullMQ queue per registry. */
@Module({})
export class RegistryPluginsModule {
  static forRoot(registries: readonly RegistryPlugin[]): DynamicModule {
    return {
      module: RegistryPluginsModule,
      global: true,
      imports: [BullModule.registerQueue(...registries.map((registry) => ({ name: registry.queue })))],
      providers: [{ provide: REGISTRY_PLUGINS, useValue: registries }],
      exports: [REGISTRY_PLUGINS, BullModule],
    };
  }
}
