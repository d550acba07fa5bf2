import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Outcome } from '../../eligibility/eligibility.types.js';

/**
 * An eligibility determination: written once, never updated. A re-verification adds another;
 * the newest is current. Findings and facts are stored as the canonical JSON the rules engine
 * produced, so that an auditor can compare a re-derivation byte for byte.
 */
@Entity('determinations')
export class DeterminationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'verification_id', type: 'varchar', length: 36, unique: true })
  verificationId: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ type: 'varchar', length: 16 })
  outcome: Outcome;

  @Column({ name: 'policy_version', type: 'varchar', length: 40 })
  policyVersion: string;

  /** The rules engine's evaluation (outcome, policy version, findings, facts) as canonical JSON. */
  @Column({ type: 'text' })
  evaluation: string;

  @Column({ name: 'determined_at', type: 'varchar', length: 24 })
  determinedAt: string;
}
