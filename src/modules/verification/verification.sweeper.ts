import { Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { Clock } from '../../core/time/clock.js';
import { DeterminationService, failureReason } from './determination.service.js';
import { VerificationQueue } from './verification.queue.js';
import { VerificationRepository } from './verification.repository.js';
import { VerificationService } from './verification.service.js';

const BATCH = 500;

/**
 * Enqueues again every verification still pending after VERIFICATION_REQUEUE_AFTER_MS: one
 * whose enqueue failed (Redis down at submission, or the process died between the commit
 * and the enqueue), or whose jobs Redis lost (restarted empty). Enqueuing is idempotent, so
 * a verification merely slow under load is not run twice, and several processes may sweep.
 * One whose determination job failed for good without its failure being recorded (the
 * process died, or the database was down at that moment) is sent to review instead.
 * A timer in each process rather than a BullMQ scheduler: a scheduler lives in Redis and
 * would be lost with the very jobs it is meant to recover.
 */
@Injectable()
export class VerificationSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(VerificationSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly repository: VerificationRepository,
    private readonly verifications: VerificationService,
    private readonly queue: VerificationQueue,
    private readonly determinations: DeterminationService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.VERIFICATION_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
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
      let failed = 0;
      for (const verification of stale) {
        const attempts = await this.queue.failedDetermination(verification.id);
        if (attempts !== null) {
          await this.determinations.abandon(verification.id, verification.correlationId, failureReason(attempts));
          failed += 1;
          continue;
        }
        if (!(await this.verifications.enqueue(verification))) break;
        enqueued += 1;
      }
      if (stale.length > 0)
        this.logger.log({ stale: stale.length, enqueued, failed }, 'Pending verifications enqueued again or sent to review');
      return enqueued;
    } catch (error) {
      this.logger.warn({ error: (error as Error).name }, 'Sweep failed; the next one will try again');
      return 0;
    } finally {
      this.sweeping = false;
    }
  }
}
