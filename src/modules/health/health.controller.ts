import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult, type HealthIndicatorFunction } from '@nestjs/terminus';
import { DomainError } from '../../core/errors/domain.error.js';
import { Public } from '../auth/auth.decorators.js';
import { DatabaseHealthIndicator } from './database.health-indicator.js';
import { LivenessDocs, ReadinessDocs } from './health.api-docs.js';
import { RedisHealthIndicator } from './redis.health-indicator.js';
import { RegistriesHealthIndicator } from './registries.health-indicator.js';

/**
 * Liveness and readiness, both public. Ready answers 200 `{ status, registrySandbox, checks }`
 * (`registrySandbox`: the built-in sandbox answers for some registry); when the
 * database or Redis is down, 503 problem+json whose `checks` member has the same entries, so
 * that a client reads one shape either way.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly registries: RegistriesHealthIndicator,
  ) {}

  /** The process is up and serving HTTP; no dependency is consulted, so a database outage does not get the process restarted. */
  @Get(['live', ''])
  @Public()
  @LivenessDocs()
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ReadinessDocs()
  async ready(): Promise<{ status: string; registrySandbox: boolean; checks: HealthCheckResult['details'] }> {
    const registrySandbox = this.registries.sandbox;
    try {
      const result = await this.health.check(this.indicators());
      return { status: result.status, registrySandbox, checks: result.details };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const down = Object.keys(result.error ?? {});
      const detail = down.length
        ? `Not ready: ${down.join(', ')} ${down.length === 1 ? 'is' : 'are'} down.`
        : 'The service is shutting down.';
      throw new DomainError('UNAVAILABLE', detail, [], { registrySandbox, checks: result.details });
    }
  }

  /** Each entry adds one member to `checks`: the database, Redis, and each registry's circuit. */
  private indicators(): HealthIndicatorFunction[] {
    return [() => this.database.ping(), () => this.redis.ping(), ...this.registries.checks()];
  }
}
