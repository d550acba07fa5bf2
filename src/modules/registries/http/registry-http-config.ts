import type { AppConfig } from '../../../core/config/app.config.js';
import type { SearchBatcherOptions } from '../contract/search-batcher.js';
import type { RegistryQuota } from '../quota/registry-quota.js';
import type { RegistrySource } from '../registry.types.js';
import { type RegistryHttpOptions, RegistryHttpClient } from './registry-http.client.js';

/** The prefix of a built-in registry's settings: `<REGISTRY>_REGISTRY_URL`, `_TOKEN`, `_RATE_LIMIT` (API.md). */
export type RegistryName = 'HOUSEHOLD' | 'VEHICLE' | 'BUSINESS';

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
