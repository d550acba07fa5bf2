import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app.config.js';
import type { Clock } from '../time/clock.js';

/**
 * A timer in every worker process that hands back to the queues, every
 * VERIFICATION_SWEEP_INTERVAL_MS, what the database says should be queued but has waited more
 * than VERIFICATION_REQUEUE_AFTER_MS: a record whose enqueue failed (Redis down at that
 * moment, or the process died between its commit and the enqueue), or whose job Redis lost.
 * One pass at a time; a pass that fails is logged and the next one tries again. A timer
 * rather than a BullMQ scheduler: a scheduler lives in Redis, and would be lost with the very
 * jobs it is meant to recover.
 */
export abstract class PeriodicSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    protected readonly config: AppConfig,
    protected readonly clock: Clock,
  ) {}

  /** One pass over the records that were stale at `staleBefore`; answers how many it handed back. */
  protected abstract sweepStale(staleBefore: string): Promise<number>;

  /** Whether this sweeper has anything to do in this deployment. */
  protected enabled(): boolean {
    return true;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled()) return;
    this.timer = setInterval(() => void this.sweep(), this.config.VERIFICATION_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass, unless one is under way; answers how many records it handed back to the queues. */
  async sweep(): Promise<number> {
    if (this.sweeping || !this.enabled()) return 0;
    this.sweeping = true;
    try {
      const staleBefore = new Date(this.clock.now().getTime() - this.config.VERIFICATION_REQUEUE_AFTER_MS).toISOString();
      return await this.sweepStale(staleBefore);
    } catch (error) {
      this.logger.warn({ error: (error as Error).name }, 'Sweep failed; the next one will try again');
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
