import { Module } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { Metrics } from '../metrics/metrics.service.js';
import { batchingOf } from './http/registry-http-config.js';
import type { RegistryHttpOptions } from './http/registry-http.client.js';
import { RegistryQuota } from './quota/registry-quota.js';
import { REGISTRY_ADAPTERS, REGISTRY_PLUGINS, type RegistryPlugin } from './registry-plugin.js';
import { BUILT_IN_REGISTRIES, registriesOf } from './registry-plugins.js';
import { RegistryHealth } from './registry-health.js';
import { SandboxRegistryTransport } from './sandbox/sandbox-registry.transport.js';

export { batchingOf, registryHttpClient } from './http/registry-http-config.js';

/** REGISTRY_PLUGINS where the application provides it (AppModule); the built-in registries where it does not (registriesOf). */
const OPTIONAL_REGISTRY_PLUGINS = { token: REGISTRY_PLUGINS, optional: true } as const;

/**
 * The registry ports, by source name (REGISTRY_ADAPTERS; the built-in ones also by their
 * port's class). Each is answered over HTTP when its `*_REGISTRY_URL` is
 * set and by the built-in sandbox otherwise, decided per registry from the validated
 * configuration when the module is instantiated, so that one deployment may mix real
 * registries and the sandbox. The HTTP clients are made once, in RegistryHealth, so that the
 * adapters and whatever watches a registry share one circuit breaker per registry.
 */
/** Each built-in registry's port as its own DI token, the adapter of REGISTRY_ADAPTERS. */
const BUILT_IN_PORTS = BUILT_IN_REGISTRIES.map((registry) => ({
  provide: registry.port,
  inject: [REGISTRY_ADAPTERS],
  useFactory: (adapters: ReadonlyMap<string, unknown>) => adapters.get(registry.source),
}));

@Module({
  providers: [
    { provide: SandboxRegistryTransport, useFactory: () => new SandboxRegistryTransport() },
    {
      provide: RegistryQuota,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new RegistryQuota({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
    },
    {
      provide: RegistryHealth,
      // Metrics is optional so that the module also stands alone (its tests); the sandbox is not measured.
      inject: [AppConfig, RegistryQuota, { token: Metrics, optional: true }, OPTIONAL_REGISTRY_PLUGINS],
      useFactory: (config: AppConfig, quota: RegistryQuota, metrics?: Metrics, plugins?: readonly RegistryPlugin[]) => {
        const observer: RegistryHttpOptions['observer'] = metrics && ((attempt) => metrics.registryAttempt(attempt));
        const registries = registriesOf(plugins);
        return new RegistryHealth(
          registries.map((registry) => registry.source),
          new Map(registries.map((registry) => [registry.source, registry.httpClient?.(config, observer, quota)])),
        );
      },
    },
    {
      provide: REGISTRY_ADAPTERS,
      inject: [RegistryHealth, SandboxRegistryTransport, AppConfig, OPTIONAL_REGISTRY_PLUGINS],
      useFactory: (
        health: RegistryHealth,
        sandbox: SandboxRegistryTransport,
        config: AppConfig,
        plugins?: readonly RegistryPlugin[],
      ): ReadonlyMap<string, unknown> =>
        new Map(
          registriesOf(plugins).map((registry) => [
            registry.source,
            registry.adapter({ client: health.client(registry.source), sandbox, batching: batchingOf(config) }),
          ]),
        ),
    },
    ...BUILT_IN_PORTS,
  ],
  exports: [REGISTRY_ADAPTERS, RegistryHealth, ...BUILT_IN_PORTS.map((provider) => provider.provide)],
})
export class RegistriesModule {}
