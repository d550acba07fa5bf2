import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { PeriodicSweeper } from '../../core/queue/periodic-sweeper.js';
import { Clock } from '../../core/time/clock.js';
import { NotificationService } from './notification.service.js';
import { notificationJobData } from './webhook-event.js';
import type { WebhookEventEntity } from './webhook-event.entity.js';
import { WebhookEventsRepository } from './webhook-events.repository.js';

const BATCH = 500;

/**
 * Enqueues again every webhook event still pending after VERIFICATION_REQUEUE_AFTER_MS, as
 * the verification sweeper does for verifications: one whose enqueue failed (Redis down just
 * after the determination or decision committed), or whose job Redis lost. An event whose job
 * is still retrying keeps its job: the job id derives from the event, so enqueuing it again
 * adds nothing.
 */
@Injectable()
export class NotificationSweeper extends PeriodicSweeper {
  constructor(
    private readonly events: WebhookEventsRepository,
    private readonly notifications: NotificationService,
    config: AppConfig,
    clock: Clock,
  ) {
    super(config, clock);
  }

  protected override enabled(): boolean {
    return this.notifications.enabled;
  }

  protected async sweepStale(staleBefore: string): Promise<number> {
    let enqueued = 0;
    let after: WebhookEventEntity | undefined;
    for (;;) {
      const pending = await this.events.findStalePending(staleBefore, BATCH, after);
      for (const event of pending) {
        if (!(await this.notifications.enqueue(notificationJobData(event.type, event.subjectId, event.correlationId)))) return enqueued;
        enqueued += 1;
      }
      if (pending.length < BATCH) return enqueued;
      after = pending[pending.length - 1];
    }
  }
}
