import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import { scheduledJob } from '../../core/queue/job-producer.js';
import { JobName, QueueName, type ScheduledReverificationJobData } from '../../core/queue/queue.types.js';
import { SCHEDULE_TIME_ZONE } from '../../core/validation/cron-pattern.js';
import { type Program, PROGRAMS } from '../eligibility/eligibility.types.js';

/** How often each worker process upserts the schedulers again: Redis may have restarted empty. */
const REAPPLY_MS = 15 * 60 * 1000;

export const schedulerId = (program: Program) => `reverify-${program}`;

/**
 * One BullMQ job scheduler per programme, on REVERIFICATION_SCHEDULE in Asia/Shanghai time,
 * each firing a StartScheduledReverification job for its programme. Worker processes upsert
 * them at start-up and every REAPPLY_MS: an upsert with the same id replaces rather than adds,
 * so any number of processes may do it. An empty schedule removes them.
 */
@Injectable()
export class ReverificationScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReverificationScheduler.name);
  private timer?: NodeJS.Timeout;
  /** The start-up upsert; it does not hold up the start when Redis is slow. */
  applied: Promise<void> = Promise.resolve();

  constructor(
    @InjectQueue(QueueName.Reverification) private readonly queue: Queue<ScheduledReverificationJobData>,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const apply = () =>
      this.apply(this.config.REVERIFICATION_SCHEDULE).catch((error: Error) => {
        this.logger.warn({ error: error.name }, 'Re-verification schedulers not applied; trying again later');
      });
    this.applied = apply();
    this.timer = setInterval(() => void apply(), REAPPLY_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Upserts a scheduler per programme on `pattern`, or removes them all when it is empty. */
  async apply(pattern: string): Promise<void> {
    for (const program of PROGRAMS) {
      if (pattern === '') {
        await this.queue.removeJobScheduler(schedulerId(program));
        continue;
      }
      await this.queue.upsertJobScheduler(
        schedulerId(program),
        { pattern, tz: SCHEDULE_TIME_ZONE },
        scheduledJob({ name: JobName.StartScheduledReverification, data: { program, correlationId: schedulerId(program) } }),
      );
    }
  }
}
