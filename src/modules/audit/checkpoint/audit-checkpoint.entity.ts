import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed checkpoint of the chain: its head (sequence and hash) when it was signed, as a
 * compact JWS. Append-only like the events: the newest answers GET /v1/audit-events/checkpoint,
 * and each is what an `audit.checkpoint` webhook event announces to the witness.
 */
@Entity('audit_checkpoints')
export class AuditCheckpointEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  origin: string;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ type: 'varchar', length: 24 })
  at: string;

  @Column({ type: 'varchar', length: 64 })
  kid: string;

  @Column({ type: 'text' })
  jws: string;
}
