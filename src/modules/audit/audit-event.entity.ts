import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One link of the audit chain. It names who did what to which application and how it went,
 * never a name or an identity number. `hash` is the SHA-256 of the event's content and the
 * previous event's hash, so that changing, removing or reordering a row breaks the chain.
 */
@Entity('audit_events')
export class AuditEventEntity {
  /** 1, 2, 3, … without gaps: a missing number is a removed event. */
  @PrimaryColumn({ type: 'integer' })
  sequence: number;

  @Column({ type: 'varchar', length: 24 })
  at: string;

  /** The token's `sub`, or `system` for the service's own workers. */
  @Column({ type: 'varchar', length: 128 })
  actor: string;

  @Column({ type: 'varchar', length: 16 })
  role: string;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36, nullable: true })
  applicationId: string | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 64 })
  correlationId: string;

  /** How it went; for a read of the log, the filters it used (canonical JSON). */
  @Column({ type: 'varchar', length: 2000 })
  outcome: string;

  @Column({ name: 'previous_hash', type: 'varchar', length: 64 })
  previousHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
