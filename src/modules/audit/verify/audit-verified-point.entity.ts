import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The newest point of the chain a verification walked to and found whole, so that the next
 * verification starts there. Kept outside audit_events: a point stored in the table it vouches
 * for would be rewritten with it.
 */
@Entity('audit_verified_points')
export class AuditVerifiedPointEntity {
  /** One row, `chain`. */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  name: string;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ name: 'verified_at', type: 'varchar', length: 24 })
  verifiedAt: string;
}
