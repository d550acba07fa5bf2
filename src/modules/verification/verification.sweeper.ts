import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { PeriodicSweeper } from '../../core/queue/periodic-sweeper.js';
import { Clock } from '../../core/time/clock.js';
import { DeterminationService, failureReason } from './determination.service.js';
import { VerificationQueue } from './verification.queue.js';
import { VerificationRepository } from './verification.repository.js';
import { VerificationService } from './verification.service.js';

const BATCH = 500;

/**
 * Enqueues again every verification still pending after VERIFICATION_REQUEUE_AFTER_MS: one
 * whose enqueue failed, or whose jobs Redis lost (restarted empty). Enqueuing is idempotent,
 * so a verification merely slow under load is not run twice, and several processes may sweep.
 * One whose determination job failed for good without its failure being recorded (the
 * process died, or the database was down at that moment) is sent to review instead.
 */
@Injectable()
export class VerificationSweeper extends PeriodicSweeper {
  constructor(
    private readonly repository: VerificationRepository,
    private readonly verifications: VerificationService,
    private readonly queue: VerificationQueue,
    private readonly determinations: DeterminationService,
    config: AppConfig,
    clock: Clock,
  ) {
    super(config, clock);
  }

  protected async sweepStale(staleBefore: string): Promise<number> {
    const stale = await this.repository.findStalePending(staleBefore, BATCH);
    let enqueued = 0;
    let failed = 0;
    for (const verification of stale) {
      const failure = await this.queue.failedDetermination(verification.id);
      if (failure) {
        // The worker whose job failed records it at once, with the error: a failure is the
        // sweeper's only once it has stayed unrecorded as long as a record stays pending.
        if (failure.failedAt > Date.parse(staleBefore)) continue;
        await this.determinations.abandon(verification.id, verification.correlationId, failureReason(failure.attempts));
        failed += 1;
        continue;
      }
      if (!(await this.verifications.enqueue(verification))) break;
      enqueued += 1;
    }
    if (stale.length > 0)
      this.logger.log({ stale: stale.length, enqueued, failed }, 'Pending verifications enqueued again or sent to review');
    return enqueued;
  }
}
