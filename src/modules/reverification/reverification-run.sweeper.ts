import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { PeriodicSweeper } from '../../core/queue/periodic-sweeper.js';
import { Clock } from '../../core/time/clock.js';
import { ReverificationQueue } from './reverification.queue.js';
import { ReverificationRunsRepository } from './reverification-runs.repository.js';

const BATCH = 100;

/**
 * The safety net of runs, as the verification sweeper is of verifications: a run still
 * selecting its households VERIFICATION_REQUEUE_AFTER_MS after it started, whose job Redis
 * lost (or never took) or whose job failed for good, gets its job back. The run's own record
 * says where it stands, so the job simply goes on from there.
 */
@Injectable()
export class ReverificationRunSweeper extends PeriodicSweeper {
  constructor(
    private readonly runs: ReverificationRunsRepository,
    private readonly queue: ReverificationQueue,
    config: AppConfig,
    clock: Clock,
  ) {
    super(config, clock);
  }

  protected async sweepStale(staleBefore: string): Promise<number> {
    let restored = 0;
    for (const run of await this.runs.findSelecting(staleBefore, BATCH)) {
      if (await this.queue.restore(run)) restored += 1;
    }
    if (restored > 0) this.logger.log({ restored }, 'Re-verification runs queued again');
    return restored;
  }
}
