import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app.config.js';
import { UnitOfWork } from '../../core/database/unit-of-work.js';
import { enqueuedWithin } from '../../core/queue/enqueued-within.js';
import type { NotificationJobData } from '../../core/queue/queue.types.js';
import { Clock } from '../../core/time/clock.js';
import { NotificationQueue } from './notification.queue.js';
import { notificationJobData, type WebhookEventType } from './webhook-event.js';
import { WebhookEventsRepository } from './webhook-events.repository.js';

/**
 * Announces determinations and decisions to the deployment's webhook, if it has one, and
 * signed audit checkpoints to the audit log's witness, if it has one. The event is recorded
 * as pending in the same transaction as what it announces (an outbox: one is never stored
 * without the other), and enqueued once that
 * transaction commits, if Redis takes it within ENQUEUE_WAIT_MS; when it does not, the
 * sweeper enqueues the pending event later. The call over HTTP is made by a worker.
 */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger(NotificationService.name);

  constructor(
    private readonly events: WebhookEventsRepository,
    private readonly queue: NotificationQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Whether any event has somewhere to go: the webhook, or the audit log's witness. */
  get enabled(): boolean {
    return this.config.WEBHOOK_URL !== undefined || this.config.AUDIT_WITNESS_URL !== undefined;
  }

  /** Determinations are being stored together, in the transaction of `manager`: one statement records all their events. */
  determinationsMade(manager: EntityManager, made: Array<{ verificationId: string; correlationId: string }>): Promise<void> {
    return this.announceAll(
      manager,
      'determination.made',
      made.map(({ verificationId, correlationId }) => ({ subjectId: verificationId, correlationId })),
    );
  }

  /** A reviewer's decision is being recorded, in the transaction of `manager`. */
  decisionRecorded(manager: EntityManager, decisionId: string, correlationId: string): Promise<void> {
    return this.announce(manager, 'decision.recorded', decisionId, correlationId);
  }

  /** A signed checkpoint of the audit log is being stored, in the sealer's transaction of `manager`: the witness gets a copy. */
  checkpointSigned(manager: EntityManager, checkpointId: string, correlationId: string): Promise<void> {
    return this.announce(manager, 'audit.checkpoint', checkpointId, correlationId);
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

  private announce(manager: EntityManager, type: WebhookEventType, subjectId: string, correlationId: string): Promise<void> {
    return this.announceAll(manager, type, [{ subjectId, correlationId }]);
  }

  private async announceAll(
    manager: EntityManager,
    type: WebhookEventType,
    subjects: Array<{ subjectId: string; correlationId: string }>,
  ): Promise<void> {
    const destination = type === 'audit.checkpoint' ? this.config.AUDIT_WITNESS_URL : this.config.WEBHOOK_URL;
    if (destination === undefined || subjects.length === 0) return;
    const createdAt = this.clock.now().toISOString();
    const jobs = subjects.map(({ subjectId, correlationId }) => ({
      data: notificationJobData(type, subjectId, correlationId),
      subjectId,
      correlationId,
    }));
    await this.events.recordPending(
      manager,
      jobs.map(({ data, subjectId, correlationId }) => ({ id: data.eventId, type, subjectId, correlationId, createdAt })),
    );
    this.unitOfWork.afterCommit(manager, () => {
      for (const { data } of jobs) void this.enqueue(data);
    });
  }
}
