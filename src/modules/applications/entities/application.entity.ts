import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Program } from '../../eligibility/eligibility.types.js';

export const APPLICATION_STATUSES = ['RECEIVED', 'VERIFYING', 'DETERMINED', 'IN_REVIEW', 'DECIDED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Timestamps are ISO 8601 UTC text: one representation on SQLite and PostgreSQL, ordered as text. */
@Entity('applications')
export class ApplicationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  program: Program;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ name: 'application_date', type: 'varchar', length: 10 })
  applicationDate: string;

  @Column({ type: 'varchar', length: 16 })
  status: ApplicationStatus;

  @Column({ name: 'submitted_by', type: 'varchar', length: 128 })
  submittedBy: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 of the canonical request body, to tell a repeated Idempotency-Key with another body. */
  @Column({ name: 'request_sha256', type: 'varchar', length: 64 })
  requestSha256: string;

  @Column({ name: 'current_verification_id', type: 'varchar', length: 36, nullable: true })
  currentVerificationId: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
