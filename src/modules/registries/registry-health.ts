import type { CircuitStatus, RegistryHttpClient } from './http/registry-http.client.js';

/** A registry's condition as far as this process knows it: its circuit, or `sandbox` when none is called. */
export type RegistryCondition = CircuitStatus | 'sandbox';

/**
 * What this process knows of each registry it calls over HTTP, for whatever watches the
 * registries rather than consults them: the state of each circuit breaker (for a readiness
 * report).
 */
export class RegistryHealth {
  constructor(
    /** Every registry consulted, in the order of the registry list. */
    readonly sources: readonly string[],
    private readonly clients: ReadonlyMap<string, RegistryHttpClient | undefined>,
  ) {}

  /** The HTTP client of a registry, none where the sandbox answers. */
  client(source: string): RegistryHttpClient | undefined {
    return this.clients.get(source);
  }

  condition(source: string): RegistryCondition {
    return this.clients.get(source)?.circuit ?? 'sandbox';
  }

  /** Whether the built-in sandbox (or a plugin's own) stands in for the registry (no URL configured). */
  isSandbox(source: string): boolean {
    return this.clients.get(source) === undefined;
  }
}
