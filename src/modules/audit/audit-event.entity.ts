import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One audit event. It names who did what to which application and how it went, never a name
 * or an identity number. A writer inserts it unsealed, in the transaction of the change it
 * records; the sealer then sets, once, its `sequence` and the hashes that chain it to the
 * event before: `hash` is the SHA-256 of the event's content and the previous event's hash,
 * so that changing, removing or reordering a sealed row breaks the chain.
 */
@Entity('audit_events')
export class AuditEventEntity {
  /** Insertion order, for the sealer only; a late commit may seal after a higher id. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** 1, 2, 3, … without gaps once sealed (a missing number is a removed event); null until then. */
  @Column({ type: 'integer', nullable: true })
  sequence: number | null;

  /** When the action happened (the writer's clock), not when the event was sealed. */
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

  @Column({ name: 'previous_hash', type: 'varchar', length: 64, nullable: true })
  previousHash: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  hash: string | null;
}
