import type { AppConfig } from '../../core/config/app.config.js';
import type { RegistryRules } from '../eligibility/registry-rules.js';
import type { RegistryCheck } from '../verification/checks/registry-check.js';
import type { SearchBatcherOptions } from './contract/search-batcher.js';
import type { RegistryHttpClient, RegistryHttpOptions } from './http/registry-http.client.js';
import type { RegistryQuota } from './quota/registry-quota.js';
import type { SandboxRegistryTransport } from './sandbox/sandbox-registry.transport.js';

/** What a registry's adapter is made from: its HTTP client when its URL is configured, the built-in sandbox otherwise. */
export interface RegistryAdapterContext {
  client?: RegistryHttpClient;
  sandbox: SandboxRegistryTransport;
  batching: SearchBatcherOptions;
}

/**
 * One registry, as the service is told about it: everything that enumerates registries (the
 * pending checks of a verification, the queues and their workers, the health report, the
 * rules) derives from the list of these (registry-plugins.ts). `P` is the registry's port.
 */
export interface RegistryPlugin<P = unknown> {
  /** The name of the registry in checks, findings and evidence (at most 32 characters). */
  readonly source: string;
  /** Its port: the abstract class its adapters extend (for the built-in registries, also their DI token). */
  readonly port: abstract new () => P;
  /** The BullMQ queue its checks run on: one per registry, so that each can be tuned apart. */
  readonly queue: string;
  /** Its name in the readiness report. */
  readonly healthCheck: string;
  /** The registry's HTTP client, or none (then the sandbox adapter answers): made once per process, so that its circuit breaker is shared. */
  httpClient?(config: AppConfig, observer: RegistryHttpOptions['observer'], quota: RegistryQuota): RegistryHttpClient | undefined;
  /** The port's implementation: over HTTP with `client`, from the sandbox without. */
  adapter(context: RegistryAdapterContext): P;
  /** How one household is consulted through the port. */
  check(port: P): RegistryCheck;
  /**
   * Its rules, for a registry added as a plugin. The built-in registries' rules are the
   * engine's own (POLICY.md): the household facts and the income test rest on them.
   */
  readonly rules?: RegistryRules;
}

/** The registries the service consults: the built-in ones and any added (see RegistriesModule, AppModule.forRoot). */
export const REGISTRY_PLUGINS = Symbol('REGISTRY_PLUGINS');

/** The ports of the registries, by source name (RegistriesModule). */
export const REGISTRY_ADAPTERS = Symbol('REGISTRY_ADAPTERS');

/** The registries' checks, by source name (VerificationWorkersModule). */
export const REGISTRY_CHECKS = Symbol('REGISTRY_CHECKS');
