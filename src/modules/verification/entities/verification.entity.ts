import { Column, Entity, PrimaryColumn } from 'typeorm';

/** FAILED: its processing failed for good; the application went to review without a determination. */
export type VerificationStatus = 'PENDING' | 'DETERMINED' | 'FAILED';

/**
 * One cross-check of an application against the registries: the first on submission, one
 * more per re-verification. Its policy version is chosen when it is requested.
 */
@Entity('verifications')
export class VerificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  /** 1 for the first verification of an application, then 2, 3, … */
  @Column({ type: 'integer' })
  sequence: number;

  @Column({ name: 'policy_version', type: 'varchar', length: 40 })
  policyVersion: string;

  @Column({ type: 'varchar', length: 16 })
  status: VerificationStatus;

  @Column({ name: 'requested_by', type: 'varchar', length: 128 })
  requestedBy: string;

  @Column({ name: 'correlation_id', type: 'varchar', length: 64 })
  correlationId: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'completed_at', type: 'varchar', length: 24, nullable: true })
  completedAt: string | null;

  /** The re-verification run that started it, if any; its jobs then queue behind new applications'. */
  @Column({ name: 'run_id', type: 'varchar', length: 36, nullable: true })
  runId: string | null;
}
