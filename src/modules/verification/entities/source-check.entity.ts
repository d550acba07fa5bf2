import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SourceFailure } from '../../registries/registry.types.js';

export type SourceCheckStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

/** Who answered a check: the registry at its URL, or the built-in sandbox. */
export type SourceCheckOrigin = 'HTTP' | 'SANDBOX';

/** One registry consulted for one verification: what it answered, or why it could not. */
@Entity('source_checks')
export class SourceCheckEntity {
  @PrimaryColumn({ name: 'verification_id', type: 'varchar', length: 36 })
  verificationId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  source: string;

  @Column({ type: 'varchar', length: 16 })
  status: SourceCheckStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ type: 'varchar', length: 24, nullable: true })
  failure: SourceFailure | null;

  /** JSON array of the X-Request-Id of every call made. */
  @Column({ name: 'request_ids', type: 'text', nullable: true })
  requestIds: string | null;

  /** The normalised answer (canonical JSON), kept so that the determination can be re-derived. */
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'answer_sha256', type: 'varchar', length: 64, nullable: true })
  answerSha256: string | null;

  @Column({ name: 'started_at', type: 'varchar', length: 24, nullable: true })
  startedAt: string | null;

  @Column({ name: 'finished_at', type: 'varchar', length: 24, nullable: true })
  finishedAt: string | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs: number | null;

  /** Who answered; null while pending, for a check closed without a call, and on checks recorded before it was kept. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  origin: SourceCheckOrigin | null;
}
