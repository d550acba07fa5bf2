import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { Clock } from '../../core/time/clock.js';
import { VerificationRepository } from './verification.repository.js';
import { VerificationService } from './verification.service.js';

const BATCH = 500;

/**
 * Enqueues again every verification still pending after VERIFICATION_REQUEUE_AFTER_MS: one
 * whose enqueue failed (Redis down at submission, or the process died between the commit
 * and the enqueue), or whose jobs Redis lost (restarted empty). Enqueuing is idempotent, so
 * a verification merely slow under load is not run twice, and several processes may sweep.
 * A timer in each process rather than a BullMQ scheduler: a scheduler lives in Redis and
 * would be lost with the very jobs it is meant to recover.
 */
@Injectable()
export class VerificationSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(VerificationSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly repository: VerificationRepository,
    private readonly verifications: VerificationService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.VERIFICATION_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass; answers how many verifications it enqueued again. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const before = new Date(this.clock.now().getTime() - this.config.VERIFICATION_REQUEUE_AFTER_MS).toISOString();
      const stale = await this.repository.findStalePending(before, BATCH);
      let enqueued = 0;
      for (const verification of stale) {
        if (!(await this.verifications.enqueue(verification))) break;
        enqueued += 1;
      }
      if (stale.length > 0) this.logger.log({ stale: stale.length, enqueued }, 'Pending verifications enqueued again');
      return enqueued;
    } catch (error) {
      this.logger.warn({ error: (error as Error).name }, 'Sweep failed; the next one will try again');
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
