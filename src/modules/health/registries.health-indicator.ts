import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RegistryHealth } from '../registries/registry-health.js';
import { REGISTRY_SOURCES, type RegistrySource } from '../registries/registry.types.js';

const CHECK_NAMES: Record<RegistrySource, string> = {
  HOUSEHOLD_REGISTRATION: 'householdRegistry',
  VEHICLE_REGISTRATION: 'vehicleRegistry',
  BUSINESS_REGISTRATION: 'businessRegistry',
};

/**
 * Each registry's circuit breaker as this process knows it: `closed`, `open`, `halfOpen`, or
 * `sandbox` where the built-in registry answers. A registry that is down does not make the
 * service unready: applications are still taken, and their checks end as unavailable and go
 * to review, so every registry reports `up` with its circuit beside it.
 */
@Injectable()
export class RegistriesHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly registries: RegistryHealth,
  ) {}

  /** Whether the built-in sandbox answers for any registry: synthetic data, fit for training and development only. */
  get sandbox(): boolean {
    return REGISTRY_SOURCES.some((source) => this.registries.isSandbox(source));
  }

  checks() {
    return REGISTRY_SOURCES.map(
      (source) => () => this.indicators.check(CHECK_NAMES[source]).up({ circuit: this.registries.condition(source) }),
    );
  }
}
