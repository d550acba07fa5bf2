import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult, type HealthIndicatorFunction } from '@nestjs/terminus';
import { DomainError } from '../../core/errors/domain.error.js';
import { Clock } from '../../core/time/clock.js';
import { Public } from '../auth/auth.decorators.js';
import { DatabaseHealthIndicator } from './database.health-indicator.js';
import { LivenessDocs, ReadinessDocs } from './health.api-docs.js';
import { RedisHealthIndicator } from './redis.health-indicator.js';
import { RegistriesHealthIndicator } from './registries.health-indicator.js';

/** How old a readiness result may be when it is answered again. */
export const READY_RESULT_MAX_AGE_MS = 1000;

type ReadyAnswer = { status: string; registrySandbox: boolean; checks: HealthCheckResult['details'] };

/**
 * Liveness and readiness, both public. Ready answers 200 `{ status, registrySandbox, checks }`
 * (`registrySandbox`: the built-in sandbox answers for some registry); when the
 * database or Redis is down, 503 problem+json whose `checks` member has the same entries, so
 * that a client reads one shape either way.
 *
 * Readiness is public, so anyone could flood it: it answers from a result at most
 * READY_RESULT_MAX_AGE_MS old (counted from when its check began), and concurrent probes
 * share the check under way, so that a flood costs at most one database and one Redis ping a
 * second. A failed result is held as long as a good one.
 */
@Controller('health')
export class HealthController {
  private latest?: { startedAt: number; answer: Promise<ReadyAnswer> };

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly registries: RegistriesHealthIndicator,
    private readonly clock: Clock,
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
  ready(): Promise<ReadyAnswer> {
    const now = this.clock.now().getTime();
    let latest = this.latest;
    const age = latest ? now - latest.startedAt : Infinity;
    // A clock set back makes a result look younger than it is: that one is checked afresh too.
    if (!latest || age < 0 || age >= READY_RESULT_MAX_AGE_MS) {
      const answer = this.check();
      // Held for others to await; each request awaits it itself, so no rejection goes unhandled.
      answer.catch(() => undefined);
      latest = this.latest = { startedAt: now, answer };
    }
    return latest.answer;
  }

  private async check(): Promise<ReadyAnswer> {
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
