import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RegistryHealth } from '../registries/registry-health.js';
import { REGISTRY_PLUGINS, type RegistryPlugin } from '../registries/registry-plugin.js';
import { registriesOf } from '../registries/registry-plugins.js';

/**
 * Each registry's circuit breaker as this process knows it: `closed`, `open`, `halfOpen`, or
 * `sandbox` where the built-in registry answers. A registry that is down does not make the
 * service unready: applications are still taken, and their checks end as unavailable and go
 * to review, so every registry reports `up` with its circuit beside it.
 */
@Injectable()
export class RegistriesHealthIndicator {
  private readonly registryList: readonly RegistryPlugin[];

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly registries: RegistryHealth,
    @Optional() @Inject(REGISTRY_PLUGINS) registryList?: readonly RegistryPlugin[],
  ) {
    this.registryList = registriesOf(registryList);
  }

  /** Whether the built-in sandbox answers for any registry: synthetic data, fit for training and development only. */
  get sandbox(): boolean {
    return this.registryList.some(({ source }) => this.registries.isSandbox(source));
  }

  checks() {
    return this.registryList.map(
      ({ source, healthCheck }) =>
        () =>
          this.indicators.check(healthCheck).up({ circuit: this.registries.condition(source) }),
    );
  }
}
