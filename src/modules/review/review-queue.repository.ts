import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, type ObjectLiteral } from 'typeorm';
import { DecisionEntity } from './entities/decision.entity.js';
import { ReviewItemEntity, type ReviewItemStatus, type ReviewOrigin } from './entities/review-item.entity.js';

export interface ReviewListFilter {
  status: ReviewItemStatus;
  /** Which applications (ApplicationRecords.applicationsWhere on `r.application_id`); null: all. */
  applications: { sql: string; params: ObjectLiteral } | null;
}

/** A case to queue for review. */
export interface ReviewEntry {
  applicationId: string;
  determinationId: string | null;
  origin: ReviewOrigin;
  requestReason: string | null;
  at: string;
}

/** The review queue's rows; writes happen inside the caller's transaction. */
@Injectable()
export class ReviewQueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(manager: EntityManager, entry: ReviewEntry): Promise<ReviewItemEntity> {
    const [item] = await this.openMany(manager, [entry]);
    return item;
  }

  /** Queues many cases in one statement, inside the caller's transaction. */
  async openMany(manager: EntityManager, entries: readonly ReviewEntry[]): Promise<ReviewItemEntity[]> {
    const items = entries.map((entry): ReviewItemEntity => ({
      id: randomUUID(),
      applicationId: entry.applicationId,
      determinationId: entry.determinationId,
      origin: entry.origin,
      requestReason: entry.requestReason,
      status: 'PENDING',
      claimedBy: null,
      claimExpiresAt: null,
      queuedAt: entry.at,
      closedAt: null,
    }));
    if (items.length > 0) await manager.insert(ReviewItemEntity, items);
    return items;
  }

  findPending(manager: EntityManager, applicationId: string): Promise<ReviewItemEntity | null> {
    return manager.getRepository(ReviewItemEntity).findOne({ where: { applicationId, status: 'PENDING' }, order: { queuedAt: 'DESC' } });
  }

  /** Takes a claim unless another unexpired one stands; true when the caller now holds it. */
  async claim(manager: EntityManager, itemId: string, claimant: string, now: string, expiresAt: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ReviewItemEntity)
      .set({ claimedBy: claimant, claimExpiresAt: expiresAt })
      .where('id = :itemId AND status = :pending', { itemId, pending: 'PENDING' })
      .andWhere(notClaimedByAnother(claimant, now))
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Closes a pending item as decided, provided the decider holds a live claim on it; false
   * otherwise. The claim is checked in the same statement, so a claim that runs out, or is
   * taken over, a moment earlier cannot be decided under.
   */
  async closeDecided(manager: EntityManager, itemId: string, decider: string, now: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ReviewItemEntity)
      .set({ status: 'DECIDED', closedAt: now })
      .where('id = :itemId AND status = :pending', { itemId, pending: 'PENDING' })
      .andWhere('claimed_by = :decider AND claim_expires_at > :now', { decider, now })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Closes what is pending for an application, unless another reviewer holds a claim on it. */
  async closePendingUnlessClaimed(
    manager: EntityManager,
    applicationId: string,
    by: string,
    now: string,
  ): Promise<'CLOSED' | 'NONE' | 'CLAIMED'> {
    const pending = await this.findPending(manager, applicationId);
    if (!pending) return 'NONE';
    const result = await manager
      .createQueryBuilder()
      .update(ReviewItemEntity)
      .set({ status: 'RETURNED', closedAt: now })
      .where('id = :itemId AND status = :pending', { itemId: pending.id, pending: 'PENDING' })
      .andWhere(notClaimedByAnother(by, now))
      .execute();
    return result.affected ? 'CLOSED' : 'CLAIMED';
  }

  async insertDecision(manager: EntityManager, decision: DecisionEntity): Promise<void> {
    await manager.insert(DecisionEntity, decision);
  }

  findDecision(id: string): Promise<DecisionEntity | null> {
    return this.dataSource.getRepository(DecisionEntity).findOneBy({ id });
  }

  /** The decision in force: the application's newest, whatever determination it was made on. */
  async findDecisionInForce(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<DecisionEntity | null> {
    return manager.getRepository(DecisionEntity).findOne({ where: { applicationId }, order: { decidedAt: 'DESC', id: 'DESC' } });
  }

  /** The decision in force (the newest) of each application that has one, in one query. */
  async findDecisionsInForce(manager: EntityManager, applicationIds: readonly string[]): Promise<Map<string, DecisionEntity>> {
    const inForce = new Map<string, DecisionEntity>();
    if (applicationIds.length === 0) return inForce;
    const decisions = await manager
      .getRepository(DecisionEntity)
      .createQueryBuilder('x')
      .where('x.application_id IN (:...applicationIds)', { applicationIds: [...applicationIds] })
      .orderBy('x.decided_at', 'DESC')
      .addOrderBy('x.id', 'DESC')
      .getMany();
    for (const decision of decisions) if (!inForce.has(decision.applicationId)) inForce.set(decision.applicationId, decision);
    return inForce;
  }

  /** Every decision on the application, oldest first. */
  findDecisions(manager: EntityManager, applicationId: string): Promise<DecisionEntity[]> {
    return manager.getRepository(DecisionEntity).find({ where: { applicationId }, order: { decidedAt: 'ASC', id: 'ASC' } });
  }

  /** A page of the queue, oldest first, keyed on (queued_at, id). */
  findPage(filter: ReviewListFilter, limit: number, after?: { queuedAt: string; id: string }): Promise<ReviewItemEntity[]> {
    const query = this.dataSource
      .getRepository(ReviewItemEntity)
      .createQueryBuilder('r')
      .where('r.status = :status', { status: filter.status });
    if (filter.applications) query.andWhere(filter.applications.sql, filter.applications.params);
    if (after) {
      query.andWhere(
        new Brackets((where) =>
          where
            .where('r.queued_at > :afterQueued', { afterQueued: after.queuedAt })
            .orWhere('(r.queued_at = :afterQueued AND r.id > :afterId)', { afterId: after.id }),
        ),
      );
    }
    return query.orderBy('r.queued_at', 'ASC').addOrderBy('r.id', 'ASC').take(limit).getMany();
  }
}

function notClaimedByAnother(caller: string, now: string): Brackets {
  return new Brackets((where) =>
    where.where('claimed_by IS NULL').orWhere('claimed_by = :caller', { caller }).orWhere('claim_expires_at <= :now', { now }),
  );
}
