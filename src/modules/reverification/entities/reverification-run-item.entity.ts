import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Outcome } from '../../eligibility/eligibility.types.js';

/**
 * One household a run took up, recorded in the same transaction as the verification it
 * started: the key (run, application) is what makes a run re-verify a household at most once,
 * whatever repeats a step. A household already being verified or waiting for a reviewer is
 * recorded without a verification: skipped.
 */
@Entity('reverification_run_items')
export class ReverificationRunItemEntity {
  @PrimaryColumn({ name: 'run_id', type: 'varchar', length: 36 })
  runId: string;

  @PrimaryColumn({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ name: 'verification_id', type: 'varchar', length: 36, nullable: true })
  verificationId: string | null;

  /** The outcome of the determination the household was enrolled on. */
  @Column({ name: 'previous_outcome', type: 'varchar', length: 16 })
  previousOutcome: Outcome;

  /** APPROVED when a reviewer's decision enrolled it; null when the determination did. */
  @Column({ name: 'previous_decision', type: 'varchar', length: 16, nullable: true })
  previousDecision: 'APPROVED' | null;

  @Column({ name: 'recorded_at', type: 'varchar', length: 24 })
  recordedAt: string;
}
