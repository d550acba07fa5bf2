import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { UnitOfWork } from '../../core/database/unit-of-work.js';
import { AuditLog } from '../audit/audit-log.js';
import type { AuditRecord } from '../audit/audit.types.js';
import type { Outcome } from '../eligibility/eligibility.types.js';
import { DeterminationEntity } from '../verification/entities/determination.entity.js';
import { VerificationEntity } from '../verification/entities/verification.entity.js';
import { ReverificationRunItemEntity } from './entities/reverification-run-item.entity.js';
import { ReverificationRunEntity } from './entities/reverification-run.entity.js';

/** Where a run's households stand; `total` is the sum of the other five. */
export interface RunProgress {
  total: number;
  /** Determined ELIGIBLE or INELIGIBLE. */
  done: number;
  /** Determined NEEDS_REVIEW: waiting for a reviewer. */
  inReview: number;
  /** Processing failed for good: in the review queue without a determination. */
  failed: number;
  /** Recorded and queued, not determined yet. */
  pending: number;
  /** Already being verified, or waiting for a reviewer, when the run came to them: left alone. */
  skipped: number;
}

/** A household whose re-verification came out other than the determination it was enrolled on. */
export interface RunChange {
  applicationId: string;
  previousOutcome: Outcome;
  previousDecision: 'APPROVED' | null;
  newOutcome: Outcome;
  determinedAt: string;
}

@Injectable()
export class ReverificationRunsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
  ) {}

  /** Stores a run with its audit event, in one transaction; a run of the same programme and region not yet released makes it fail (unique key). */
  async insert(run: ReverificationRunEntity, event: AuditRecord): Promise<void> {
    await this.unitOfWork.run(async (manager) => {
      await manager.insert(ReverificationRunEntity, run);
      await this.auditLog.append(manager, event);
    });
  }

  find(id: string): Promise<ReverificationRunEntity | null> {
    return this.dataSource.getRepository(ReverificationRunEntity).findOneBy({ id });
  }

  /** The run that holds a programme and region, finished or not (see releaseIfFinished). */
  findActive(activeKey: string): Promise<ReverificationRunEntity | null> {
    return this.dataSource.getRepository(ReverificationRunEntity).findOneBy({ activeKey });
  }

  /**
   * Lets go of the run's programme and region if it has finished (all its households selected,
   * none of its verifications pending), in one statement; false while it has not. Nothing can
   * make a finished run unfinished again, so the answer holds.
   */
  async releaseIfFinished(runId: string): Promise<boolean> {
    const result = await this.unitOfWork.write((manager) =>
      manager
        .createQueryBuilder()
        .update(ReverificationRunEntity)
        .set({ activeKey: null })
        .where('id = :runId AND selected_at IS NOT NULL', { runId })
        .andWhere("NOT EXISTS (SELECT 1 FROM verifications v WHERE v.run_id = :runId AND v.status = 'PENDING')")
        .execute(),
    );
    return (result.affected ?? 0) > 0;
  }

  findByScheduleKey(scheduleKey: string): Promise<ReverificationRunEntity | null> {
    return this.dataSource.getRepository(ReverificationRunEntity).findOneBy({ scheduleKey });
  }

  /** Runs still selecting their households that were started before `before`, oldest first. */
  findSelecting(before: string, limit: number): Promise<ReverificationRunEntity[]> {
    return this.dataSource
      .getRepository(ReverificationRunEntity)
      .createQueryBuilder('r')
      .where('r.selected_at IS NULL AND r.created_at < :before', { before })
      .orderBy('r.created_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Inside the caller's transaction; the (run, application) key refuses a second record of one household. */
  async insertItem(manager: EntityManager, item: ReverificationRunItemEntity): Promise<void> {
    await manager.insert(ReverificationRunItemEntity, item);
  }

  async insertSkipped(item: Omit<ReverificationRunItemEntity, 'verificationId'>): Promise<void> {
    await this.unitOfWork.write((manager) => manager.insert(ReverificationRunItemEntity, { ...item, verificationId: null }));
  }

  async hasItem(runId: string, applicationId: string): Promise<boolean> {
    return this.dataSource.getRepository(ReverificationRunItemEntity).existsBy({ runId, applicationId });
  }

  /** Moves the run's page cursor on; with `selected`, closes its selection too, with its audit event. */
  async advance(runId: string, afterApplicationId: string | null, selected?: { at: string; event: AuditRecord }): Promise<void> {
    await this.unitOfWork.run(async (manager) => {
      const moved = await manager.update(
        ReverificationRunEntity,
        { id: runId, selectedAt: IsNull() },
        { afterApplicationId, ...(selected ? { selectedAt: selected.at } : {}) },
      );
      if (selected && moved.affected) await this.auditLog.append(manager, selected.event);
    });
  }

  /** The run's counts, read together with the run itself so that the status agrees with them. */
  readProgress(id: string): Promise<{ run: ReverificationRunEntity; progress: RunProgress } | null> {
    return this.unitOfWork.read(async (manager) => {
      const run = await manager.getRepository(ReverificationRunEntity).findOneBy({ id });
      if (!run) return null;
      const row = await manager
        .createQueryBuilder()
        .select('COUNT(*)', 'total')
        .addSelect('SUM(CASE WHEN i.verification_id IS NULL THEN 1 ELSE 0 END)', 'skipped')
        .addSelect("SUM(CASE WHEN v.status = 'PENDING' THEN 1 ELSE 0 END)", 'pending')
        .addSelect("SUM(CASE WHEN v.status = 'FAILED' THEN 1 ELSE 0 END)", 'failed')
        .addSelect("SUM(CASE WHEN d.outcome = 'NEEDS_REVIEW' THEN 1 ELSE 0 END)", 'inReview')
        .addSelect("SUM(CASE WHEN d.outcome IN ('ELIGIBLE', 'INELIGIBLE') THEN 1 ELSE 0 END)", 'done')
        .from(ReverificationRunItemEntity, 'i')
        .leftJoin(VerificationEntity, 'v', 'v.id = i.verification_id')
        .leftJoin(DeterminationEntity, 'd', 'd.verification_id = i.verification_id')
        .where('i.run_id = :id', { id })
        .getRawOne<Record<keyof RunProgress, string | number | null>>();
      const count = (key: keyof RunProgress) => Number(row?.[key] ?? 0);
      return {
        run,
        progress: {
          total: count('total'),
          done: count('done'),
          inReview: count('inReview'),
          failed: count('failed'),
          pending: count('pending'),
          skipped: count('skipped'),
        },
      };
    });
  }

  /** A page of the run's changed outcomes, ordered by application id. */
  findChanges(runId: string, limit: number, after?: string): Promise<RunChange[]> {
    const query = this.dataSource
      .createQueryBuilder()
      .select('i.application_id', 'applicationId')
      .addSelect('i.previous_outcome', 'previousOutcome')
      .addSelect('i.previous_decision', 'previousDecision')
      .addSelect('d.outcome', 'newOutcome')
      .addSelect('d.determined_at', 'determinedAt')
      .from(ReverificationRunItemEntity, 'i')
      .innerJoin(DeterminationEntity, 'd', 'd.verification_id = i.verification_id')
      .where('i.run_id = :runId AND d.outcome <> i.previous_outcome', { runId });
    if (after) query.andWhere('i.application_id > :after', { after });
    return query.orderBy('i.application_id', 'ASC').limit(limit).getRawMany<RunChange>();
  }
}
