import type { CircuitStatus, RegistryHttpClient } from './http/registry-http.client.js';
import type { RegistrySource } from './registry.types.js';

/** A registry's condition as far as this process knows it: its circuit, or `sandbox` when none is called. */
export type RegistryCondition = CircuitStatus | 'sandbox';

/**
 * What this process knows of each registry it calls over HTTP, for whatever watches the
 * registries rather than consults them: the state of each circuit breaker (for a readiness
 * report).
 */
export class RegistryHealth {
  constructor(private readonly clients: Partial<Record<RegistrySource, RegistryHttpClient>>) {}

  /** The HTTP client of a registry, none where the sandbox answers. */
  client(source: RegistrySource): RegistryHttpClient | undefined {
    return this.clients[source];
  }

  condition(source: RegistrySource): RegistryCondition {
    return this.clients[source]?.circuit ?? 'sandbox';
  }

  /** Whether the built-in sandbox stands in for the registry (no URL configured). */
  isSandbox(source: RegistrySource): boolean {
    return this.clients[source] === undefined;
  }
}
