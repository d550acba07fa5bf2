import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DecisionValue = 'APPROVED' | 'REJECTED';

/** A reviewer's decision, recorded beside the determination it settles, never over it. */
@Entity('decisions')
export class DecisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  /** One decision per review item: deciding twice is refused by the database too. */
  @Column({ name: 'review_item_id', type: 'varchar', length: 36, unique: true })
  reviewItemId: string;

  @Column({ name: 'determination_id', type: 'varchar', length: 36 })
  determinationId: string;

  @Column({ type: 'varchar', length: 16 })
  decision: DecisionValue;

  @Column({ type: 'varchar', length: 2000 })
  reason: string;

  @Column({ name: 'decided_by', type: 'varchar', length: 128 })
  decidedBy: string;

  @Column({ name: 'decided_at', type: 'varchar', length: 24 })
  decidedAt: string;
}
