import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { regionScopePrefix } from '../../core/region/region-scope.js';
import { ApplicationEntity } from '../applications/entities/application.entity.js';
import type { Program } from '../eligibility/eligibility.types.js';
import { DeterminationEntity } from '../verification/entities/determination.entity.js';
import { DecisionEntity } from './entities/decision.entity.js';
import { ReviewItemEntity, type ReviewItemStatus, type ReviewOrigin } from './entities/review-item.entity.js';

export interface ReviewListFilter {
  status: ReviewItemStatus;
  program?: Program;
  regionCode?: string;
  /** The caller's region claim. */
  region?: string;
}

export interface ReviewRow {
  item: ReviewItemEntity;
  application: ApplicationEntity;
  determination: DeterminationEntity;
}

/** The review queue's rows; writes happen inside the caller's transaction. */
@Injectable()
export class ReviewQueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(
    manager: EntityManager,
    entry: { applicationId: string; determinationId: string; origin: ReviewOrigin; requestReason: string | null; at: string },
  ): Promise<ReviewItemEntity> {
    const item: ReviewItemEntity = {
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
    };
    await manager.insert(ReviewItemEntity, item);
    return item;
  }

  /** Closes whatever is still pending for an application (a re-verification supersedes it). */
  async closePending(manager: EntityManager, applicationId: string, status: ReviewItemStatus, at: string): Promise<void> {
    await manager.update(ReviewItemEntity, { applicationId, status: 'PENDING' }, { status, closedAt: at });
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
      .andWhere(
        new Brackets((where) =>
          where.where('claimed_by IS NULL').orWhere('claimed_by = :claimant', { claimant }).orWhere('claim_expires_at <= :now', { now }),
        ),
      )
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Closes a pending item as decided; false when someone else closed it first. */
  async closeDecided(manager: EntityManager, itemId: string, at: string): Promise<boolean> {
    const result = await manager.update(ReviewItemEntity, { id: itemId, status: 'PENDING' }, { status: 'DECIDED', closedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async insertDecision(manager: EntityManager, decision: DecisionEntity): Promise<void> {
    await manager.insert(DecisionEntity, decision);
  }

  findLatestDecision(manager: EntityManager, applicationId: string): Promise<DecisionEntity | null> {
    return manager.getRepository(DecisionEntity).findOne({ where: { applicationId }, order: { decidedAt: 'DESC', id: 'DESC' } });
  }

  /** A page of the queue, oldest first, keyed on (queued_at, id). */
  async findPage(filter: ReviewListFilter, limit: number, after?: { queuedAt: string; id: string }): Promise<ReviewRow[]> {
    const query = this.dataSource
      .getRepository(ReviewItemEntity)
      .createQueryBuilder('r')
      .innerJoinAndMapOne('r.application', ApplicationEntity, 'a', 'a.id = r.application_id')
      .innerJoinAndMapOne('r.determination', DeterminationEntity, 'd', 'd.id = r.determination_id')
      .where('r.status = :status', { status: filter.status });
    if (filter.program) query.andWhere('a.program = :program', { program: filter.program });
    if (filter.regionCode) query.andWhere('a.region_code LIKE :filterRegion', { filterRegion: `${regionScopePrefix(filter.regionCode)}%` });
    if (filter.region) query.andWhere('a.region_code LIKE :reachRegion', { reachRegion: `${regionScopePrefix(filter.region)}%` });
    if (after) {
      query.andWhere(
        new Brackets((where) =>
          where
            .where('r.queued_at > :afterQueued', { afterQueued: after.queuedAt })
            .orWhere('(r.queued_at = :afterQueued AND r.id > :afterId)', { afterId: after.id }),
        ),
      );
    }
    const items = await query.orderBy('r.queued_at', 'ASC').addOrderBy('r.id', 'ASC').take(limit).getMany();
    return items.map((item) => {
      const joined = item as ReviewItemEntity & { application: ApplicationEntity; determination: DeterminationEntity };
      return { item, application: joined.application, determination: joined.determination };
    });
  }
}
