import { Module } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { Metrics } from '../metrics/metrics.service.js';
import { BusinessRegistryHttpAdapter } from './business/business-registry.http-adapter.js';
import { BusinessRegistry } from './business/business-registry.port.js';
import { BusinessRegistrySandboxAdapter } from './business/business-registry.sandbox-adapter.js';
import { HouseholdRegistryHttpAdapter } from './household/household-registry.http-adapter.js';
import { HouseholdRegistry } from './household/household-registry.port.js';
import { HouseholdRegistrySandboxAdapter } from './household/household-registry.sandbox-adapter.js';
import { type RegistryHttpOptions, RegistryHttpClient } from './http/registry-http.client.js';
import { RegistryQuota } from './quota/registry-quota.js';
import type { SearchBatcherOptions } from './contract/search-batcher.js';
import { RegistryHealth } from './registry-health.js';
import { SandboxRegistryTransport } from './sandbox/sandbox-registry.transport.js';
import type { RegistrySource } from './registry.types.js';
import { VehicleRegistryHttpAdapter } from './vehicle/vehicle-registry.http-adapter.js';
import { VehicleRegistry } from './vehicle/vehicle-registry.port.js';
import { VehicleRegistrySandboxAdapter } from './vehicle/vehicle-registry.sandbox-adapter.js';

type RegistryName = 'HOUSEHOLD' | 'VEHICLE' | 'BUSINESS';

const SOURCE_OF: Record<RegistryName, RegistrySource> = {
  HOUSEHOLD: 'HOUSEHOLD_REGISTRATION',
  VEHICLE: 'VEHICLE_REGISTRATION',
  BUSINESS: 'BUSINESS_REGISTRATION',
};

/**
 * The HTTP client of a registry whose URL is configured; none where the sandbox stands in.
 * With `quota`, every attempt takes a slot of `<REGISTRY>_REGISTRY_RATE_LIMIT` calls a second.
 */
export function registryHttpClient(
  config: AppConfig,
  registry: RegistryName,
  observer?: RegistryHttpOptions['observer'],
  quota?: RegistryQuota,
): RegistryHttpClient | undefined {
  const baseUrl = config[`${registry}_REGISTRY_URL` as const];
  if (!baseUrl) return undefined;
  return new RegistryHttpClient({
    baseUrl,
    token: config[`${registry}_REGISTRY_TOKEN` as const],
    timeoutMs: config.REGISTRY_TIMEOUT_MS,
    maxResponseBytes: config.REGISTRY_MAX_RESPONSE_BYTES,
    maxAttempts: config.REGISTRY_MAX_ATTEMPTS,
    retryBaseMs: config.REGISTRY_RETRY_BASE_MS,
    retryAfterCapMs: config.REGISTRY_RETRY_AFTER_CAP_MS,
    breakerThreshold: config.REGISTRY_BREAKER_THRESHOLD,
    breakerHalfOpenMs: config.REGISTRY_BREAKER_HALF_OPEN_MS,
    quota: quota?.forRegistry(SOURCE_OF[registry], config[`${registry}_REGISTRY_RATE_LIMIT` as const]),
    observer,
  });
}

/** How the HTTP adapters share calls between lookups. */
export function batchingOf(config: AppConfig): SearchBatcherOptions {
  return { lingerMs: config.REGISTRY_BATCH_LINGER_MS, maxInFlight: config.REGISTRY_CALLS_IN_FLIGHT };
}

/**
 * The three registry ports. Each is answered over HTTP when its `*_REGISTRY_URL` is set and
 * by the built-in sandbox otherwise, decided per registry from the validated configuration
 * when the module is instantiated, so that one deployment may mix real registries and the
 * sandbox. The HTTP clients are made once, in RegistryHealth, so that the adapters and
 * whatever watches a registry share one circuit breaker per registry.
 */
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
      inject: [AppConfig, RegistryQuota, { token: Metrics, optional: true }],
      useFactory: (config: AppConfig, quota: RegistryQuota, metrics?: Metrics) => {
        const observer: RegistryHttpOptions['observer'] = metrics && ((attempt) => metrics.registryAttempt(attempt));
        return new RegistryHealth({
          HOUSEHOLD_REGISTRATION: registryHttpClient(config, 'HOUSEHOLD', observer, quota),
          VEHICLE_REGISTRATION: registryHttpClient(config, 'VEHICLE', observer, quota),
          BUSINESS_REGISTRATION: registryHttpClient(config, 'BUSINESS', observer, quota),
        });
      },
    },
    {
      provide: HouseholdRegistry,
      inject: [RegistryHealth, SandboxRegistryTransport, AppConfig],
      useFactory: (health: RegistryHealth, sandbox: SandboxRegistryTransport, config: AppConfig): HouseholdRegistry => {
        const client = health.client('HOUSEHOLD_REGISTRATION');
        return client ? new HouseholdRegistryHttpAdapter(client, batchingOf(config)) : new HouseholdRegistrySandboxAdapter(sandbox);
      },
    },
    {
      provide: VehicleRegistry,
      inject: [RegistryHealth, SandboxRegistryTransport, AppConfig],
      useFactory: (health: RegistryHealth, sandbox: SandboxRegistryTransport, config: AppConfig): VehicleRegistry => {
        const client = health.client('VEHICLE_REGISTRATION');
        return client ? new VehicleRegistryHttpAdapter(client, batchingOf(config)) : new VehicleRegistrySandboxAdapter(sandbox);
      },
    },
    {
      provide: BusinessRegistry,
      inject: [RegistryHealth, SandboxRegistryTransport, AppConfig],
      useFactory: (health: RegistryHealth, sandbox: SandboxRegistryTransport, config: AppConfig): BusinessRegistry => {
        const client = health.client('BUSINESS_REGISTRATION');
        return client ? new BusinessRegistryHttpAdapter(client, batchingOf(config)) : new BusinessRegistrySandboxAdapter(sandbox);
      },
    },
  ],
  exports: [HouseholdRegistry, VehicleRegistry, BusinessRegistry, RegistryHealth],
})
export class RegistriesModule {}
