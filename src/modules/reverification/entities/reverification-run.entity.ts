import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Program } from '../../eligibility/eligibility.types.js';

/** REQUEST: asked for over the API, every enrolled household; SCHEDULE: fired by a job scheduler, only those due. */
export type ReverificationTrigger = 'REQUEST' | 'SCHEDULE';

/**
 * One re-verification of the enrolled households of a programme within a region. Its
 * households are selected page by page (ordered by application id); `afterApplicationId`
 * is where the next page starts, and `selectedAt` is set once the last page is recorded.
 */
@Entity('reverification_runs')
export class ReverificationRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  program: Program;

  /** The region whose households it covers (prefix rules of region-scope.ts); null: every region. */
  @Column({ name: 'region_code', type: 'varchar', length: 6, nullable: true })
  regionCode: string | null;

  @Column({ type: 'varchar', length: 16 })
  trigger: ReverificationTrigger;

  /** The staff member who asked for it, or `system` for a scheduled run. */
  @Column({ name: 'requested_by', type: 'varchar', length: 128 })
  requestedBy: string;

  /** Carried by every verification the run starts and every audit event it writes. */
  @Column({ name: 'correlation_id', type: 'varchar', length: 64 })
  correlationId: string;

  /** The scheduler's firing that started it (unique), so that a retried firing starts no second run. */
  @Column({ name: 'schedule_key', type: 'varchar', length: 100, nullable: true })
  scheduleKey: string | null;

  /**
   * `<programme>:<region code, or * for every region>` while the run is not known to be
   * finished, then null; unique, so that a programme and region have one unfinished run at a time.
   */
  @Column({ name: 'active_key', type: 'varchar', length: 60, nullable: true })
  activeKey: string | null;

  @Column({ name: 'after_application_id', type: 'varchar', length: 36, nullable: true })
  afterApplicationId: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'selected_at', type: 'varchar', length: 24, nullable: true })
  selectedAt: string | null;
}
