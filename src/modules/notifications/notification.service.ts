import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { enqueuedWithin } from '../../core/queue/enqueued-within.js';
import type { NotificationJobData } from '../../core/queue/queue.types.js';
import { Clock } from '../../core/time/clock.js';
import { NotificationQueue } from './notification.queue.js';
import { notificationJobData, type WebhookEventType } from './webhook-event.js';
import { WebhookEventsRepository } from './webhook-events.repository.js';

/**
 * Announces determinations and decisions to the deployment's webhook, if it has one. Called
 * once the determination or decision has committed, never inside its transaction, and it
 * never throws: a notification must not undo or fail what it announces.
 *
 * The event is recorded as pending first, then enqueued if Redis takes it within
 * ENQUEUE_WAIT_MS; when it does not, the sweeper enqueues the pending event later.
 */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger(NotificationService.name);

  constructor(
    private readonly events: WebhookEventsRepository,
    private readonly queue: NotificationQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return this.config.WEBHOOK_URL !== undefined;
  }

  /** A determination of this verification was stored. */
  determinationMade(verificationId: string, correlationId: string): Promise<void> {
    return this.announce('determination.made', verificationId, correlationId);
  }

  /** A reviewer's decision was recorded. */
  decisionRecorded(decisionId: string, correlationId: string): Promise<void> {
    return this.announce('decision.recorded', decisionId, correlationId);
  }

  /** Enqueues an event if Redis takes it promptly; never fails the caller. */
  async enqueue(data: NotificationJobData): Promise<boolean> {
    const error = await enqueuedWithin(this.queue.enqueue(data), this.config.ENQUEUE_WAIT_MS);
    if (error) {
      this.logger.warn(
        { eventId: data.eventId, type: data.type, error: error.name },
        'Webhook event not queued yet; the sweeper will queue it',
      );
    }
    return error === null;
  }

  private async announce(type: WebhookEventType, subjectId: string, correlationId: string): Promise<void> {
    if (!this.enabled) return;
    const data = notificationJobData(type, subjectId, correlationId);
    try {
      await this.events.recordPending({ id: data.eventId, type, subjectId, correlationId, createdAt: this.clock.now().toISOString() });
    } catch (error) {
      // Still enqueued: only the sweeper's second chance is lost.
      this.logger.warn({ eventId: data.eventId, type, error: (error as Error).name }, 'Webhook event not recorded');
    }
    await this.enqueue(data);
  }
}
