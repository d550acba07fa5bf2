import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WebhookEventType } from './webhook-event.js';

export type WebhookEventStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

/**
 * One webhook event, recorded once the determination or decision it announces has committed.
 * While PENDING, the sweeper enqueues it again, so that an event whose enqueue failed (Redis
 * down) is still delivered; DELIVERED once the receiver accepted it, FAILED once it refused
 * it (a redirect, or a 4xx other than 408 and 429) or every attempt failed.
 */
@Entity('webhook_events')
export class WebhookEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 24 })
  type: WebhookEventType;

  /** The verification whose determination, or the decision, the event announces. */
  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ name: 'correlation_id', type: 'varchar', length: 64 })
  correlationId: string;

  @Column({ type: 'varchar', length: 16 })
  status: WebhookEventStatus;

  /** Calls made, once the event is finished. */
  @Column({ type: 'integer' })
  attempts: number;

  /** The receiver's HTTP status on the last call; null if it never answered. */
  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'finished_at', type: 'varchar', length: 24, nullable: true })
  finishedAt: string | null;
}
