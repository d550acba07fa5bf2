import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReviewItemStatus = 'PENDING' | 'DECIDED' | 'RETURNED';
/**
 * Why the case is in the queue: its determination needs review, a reviewer pulled it in, its
 * verification failed for good and no determination could be made, or a new determination
 * disagrees with the reviewer's decision in force (ELIGIBLE against REJECTED, INELIGIBLE
 * against APPROVED).
 */
export const REVIEW_ORIGINS = ['DETERMINATION', 'REQUESTED', 'PROCESSING_FAILED', 'DECISION_CONTRADICTED'] as const;
export type ReviewOrigin = (typeof REVIEW_ORIGINS)[number];

/** An application waiting for a reviewer, for one determination. */
@Entity('review_items')
export class ReviewItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  /** Null when the verification failed before a determination could be made. */
  @Column({ name: 'determination_id', type: 'varchar', length: 36, nullable: true })
  determinationId: string | null;

  @Column({ type: 'varchar', length: 32 })
  origin: ReviewOrigin;

  /**
   * For a case pulled in by a reviewer: why (an objection by the household, say); for a
   * failed verification: what failed.
   */
  @Column({ name: 'request_reason', type: 'varchar', length: 2000, nullable: true })
  requestReason: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ReviewItemStatus;

  @Column({ name: 'claimed_by', type: 'varchar', length: 128, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'claim_expires_at', type: 'varchar', length: 24, nullable: true })
  claimExpiresAt: string | null;

  @Column({ name: 'queued_at', type: 'varchar', length: 24 })
  queuedAt: string;

  @Column({ name: 'closed_at', type: 'varchar', length: 24, nullable: true })
  closedAt: string | null;
}
