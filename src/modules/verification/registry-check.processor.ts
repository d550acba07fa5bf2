import { Processor } from '@nestjs/bullmq';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type Job, type RateLimiterOptions, Worker } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import { type CheckRegistryJobData, QueueName } from '../../core/queue/queue.types.js';
import { ServiceWorkerHost } from '../../core/queue/service-worker.host.js';
import { RegistryHealth } from '../registries/registry-health.js';
import type { RegistrySource } from '../registries/registry.types.js';
import { SourceCheckService } from './source-check.service.js';

/**
 * A limiter that never binds. BullMQ honours a manual rate limit (`rateLimit`, used for 429s
 * below) only on workers that have a limiter, so a registry without a configured rate gets this one.
 */
const NO_LIMIT: RateLimiterOptions = { max: 1_000_000_000, duration: 1000 };

/**
 * Runs the checks of one registry's queue; one subclass per queue, so each can be tuned apart.
 *
 * Each queue starts at most `<REGISTRY>_REGISTRY_RATE_LIMIT` checks per second, across every
 * process (BullMQ's limiter lives in Redis). A registry that answers 429 with `Retry-After`
 * holds the whole queue back for that long, as soon as the 429 arrives: the calls already
 * under way wait it out in their own retries, and no new check starts meanwhile. A check whose
 * attempts all met 429 is not recorded as unavailable but put back on the queue
 * (`RateLimitError`: BullMQ moves it back to waiting without counting a failed attempt) and
 * runs again after the wait; its record stays PENDING, so the determination keeps waiting
 * for it. After `REGISTRY_RATE_LIMIT_DEFERRALS` such returns it is recorded as unavailable,
 * so that a registry that never stops refusing still ends as SOURCE_UNAVAILABLE.
 */
@Injectable()
abstract class RegistryCheckProcessor extends ServiceWorkerHost<CheckRegistryJobData> implements OnModuleDestroy {
  protected abstract readonly source: RegistrySource;
  private retryAfterSubscription?: { dispose(): void };

  constructor(
    private readonly checks: SourceCheckService,
    private readonly registries: RegistryHealth,
    config: AppConfig,
  ) {
    super(config);
  }

  override onApplicationBootstrap(): void {
    this.retryAfterSubscription = this.registries.onRetryAfter(this.source, (retryAfterMs) => {
      // Holding the queue back is a courtesy to the registry; the call retries as asked regardless.
      this.holdBack(retryAfterMs).catch(() => undefined);
    });
    super.onApplicationBootstrap();
  }

  onModuleDestroy(): void {
    this.retryAfterSubscription?.dispose();
  }

  protected override limiter(): RateLimiterOptions {
    const perSecond = this.config[RATE_LIMIT_SETTING[this.source]];
    return perSecond > 0 ? { max: perSecond, duration: 1000 } : NO_LIMIT;
  }

  protected async handle(job: Job<CheckRegistryJobData>): Promise<void> {
    const mayDefer = deferralsOf(job) < this.config.REGISTRY_RATE_LIMIT_DEFERRALS;
    const outcome = await this.checks.run(job.data.verificationId, job.data.source, job.data.correlationId, { mayDefer });
    if (!outcome.recorded) {
      await this.holdBack(Math.min(outcome.retryAfterMs, this.config.REGISTRY_RETRY_AFTER_CAP_MS));
      throw Worker.RateLimitError();
    }
  }

  /** No check of this queue starts, in any process, for `ms`; Redis refuses an expiry of 0. */
  private async holdBack(ms: number): Promise<void> {
    if (ms > 0) await this.worker.rateLimit(ms);
  }
}

const RATE_LIMIT_SETTING = {
  HOUSEHOLD_REGISTRATION: 'HOUSEHOLD_REGISTRY_RATE_LIMIT',
  VEHICLE_REGISTRATION: 'VEHICLE_REGISTRY_RATE_LIMIT',
  BUSINESS_REGISTRATION: 'BUSINESS_REGISTRY_RATE_LIMIT',
} as const satisfies Record<RegistrySource, keyof AppConfig>;

/**
 * Times the job went back to waiting without failing: BullMQ counts every start, and a
 * rate-limited return is a start that neither completed nor failed (a stalled run counts too,
 * which only brings the end sooner).
 */
function deferralsOf(job: Job): number {
  return Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
}

// `autorun: false`: ServiceWorkerHost starts each worker once its options are set.
@Processor(QueueName.HouseholdRegistry, { autorun: false })
export class HouseholdRegistryProcessor extends RegistryCheckProcessor {
  protected readonly source = 'HOUSEHOLD_REGISTRATION';
}

@Processor(QueueName.VehicleRegistry, { autorun: false })
export class VehicleRegistryProcessor extends RegistryCheckProcessor {
  protected readonly source = 'VEHICLE_REGISTRATION';
}

@Processor(QueueName.BusinessRegistry, { autorun: false })
export class BusinessRegistryProcessor extends RegistryCheckProcessor {
  protected readonly source = 'BUSINESS_REGISTRATION';
}
