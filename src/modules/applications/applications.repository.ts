import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '../../core/database/unit-of-work.js';
import { regionLikePattern } from '../../core/region/region-scope.js';
import type { Program } from '../eligibility/eligibility.types.js';
import type { DecisionEntity } from '../review/entities/decision.entity.js';
import { ReviewQueueRepository } from '../review/review-queue.repository.js';
import type { DeterminationEntity } from '../verification/entities/determination.entity.js';
import type { SourceCheckEntity } from '../verification/entities/source-check.entity.js';
import type { VerificationEntity } from '../verification/entities/verification.entity.js';
import { VerificationRecords } from '../verification/verification-records.repository.js';
import { ApplicationMemberEntity } from './entities/application-member.entity.js';
import { ApplicationEntity, type ApplicationStatus } from './entities/application.entity.js';

/** Which applications a caller may reach: their own (intake), or those within a region. */
export interface Reach {
  submittedBy?: string;
  region?: string;
}

export interface ApplicationFilter {
  status?: ApplicationStatus;
  program?: Program;
  regionCode?: string;
}

/** A decision as the application lists it: with the verification whose determination it settled. */
export type DecisionOnRecord = DecisionEntity & { verificationId: string };

export interface ApplicationRecord {
  application: ApplicationEntity;
  members: ApplicationMemberEntity[];
  checks: SourceCheckEntity[];
  determination: DeterminationEntity | null;
  /** Every reviewer's decision, oldest first; the newest is the one in force. */
  decisions: DecisionOnRecord[];
}

export interface PageCursor {
  createdAt: string;
  id: string;
}

@Injectable()
export class ApplicationsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly reviewQueue: ReviewQueueRepository,
    private readonly verifications: VerificationRecords,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.unitOfWork.run(work);
  }

  /** New applications with their members: one statement for the applications, one for all their members. */
  async insert(manager: EntityManager, applications: ApplicationEntity[], members: ApplicationMemberEntity[]): Promise<void> {
    await manager.insert(ApplicationEntity, applications);
    await manager.insert(ApplicationMemberEntity, members);
  }

  findByIdempotencyKey(submittedBy: string, idempotencyKey: string): Promise<ApplicationEntity | null> {
    return this.dataSource.getRepository(ApplicationEntity).findOneBy({ submittedBy, idempotencyKey });
  }

  /** The application if the caller may reach it; otherwise null, as if it did not exist. */
  async findReachable(id: string, reach: Reach): Promise<ApplicationEntity | null> {
    const query = this.dataSource.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id });
    return applyReach(query, reach).getOne();
  }

  /**
   * The application, its members, the checks of its current verification, its current
   * determination and every decision, read as one snapshot so that a status never disagrees
   * with the determination and decisions beside it. The newest determination is the current
   * one; the newest decision is the one in force.
   */
  findView(id: string, reach: Reach): Promise<ApplicationRecord | null> {
    return this.unitOfWork.read(async (manager) => {
      const application = await applyReach(
        manager.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.id = :id', { id }),
        reach,
      ).getOne();
      if (!application) return null;
      // One after another: the queries share the transaction's single connection.
      const members = await manager
        .getRepository(ApplicationMemberEntity)
        .find({ where: { applicationId: id }, order: { position: 'ASC' } });
      const checks = application.currentVerificationId
        ? await this.verifications.findChecks(manager, application.currentVerificationId)
        : [];
      const determination = await this.verifications.findLatestDetermination(manager, id);
      const decisions = await this.withVerifications(manager, await this.reviewQueue.findDecisions(manager, id));
      return { application, members, checks, determination, decisions };
    });
  }

  /** Each decision with the verification its determination closed (a query only when there are decisions). */
  private async withVerifications(manager: EntityManager, decisions: DecisionEntity[]): Promise<DecisionOnRecord[]> {
    const ids = [...new Set(decisions.map((decision) => decision.determinationId))];
    const verificationOf = new Map(
      (await this.verifications.findDeterminations(ids, manager)).map((determination) => [determination.id, determination.verificationId]),
    );
    return decisions.flatMap((decision) => {
      const verificationId = verificationOf.get(decision.determinationId);
      return verificationId ? [{ ...decision, verificationId }] : [];
    });
  }

  /** The identity number of the member at `position` (0-based), if the caller may reach the application; otherwise null. */
  async findMemberIdNumber(id: string, reach: Reach, position: number): Promise<string | null> {
    const application = await this.findReachable(id, reach);
    if (!application) return null;
    const member = await this.dataSource.getRepository(ApplicationMemberEntity).findOneBy({ applicationId: id, position });
    return member?.idNumber ?? null;
  }

  findLatestVerification(applicationId: string): Promise<VerificationEntity | null> {
    return this.verifications.findLatestVerification(applicationId);
  }

  /** A page, newest first, keyed on (created_at, id) so that a cursor stays stable under inserts. */
  async findPage(reach: Reach, filter: ApplicationFilter, limit: number, after?: PageCursor): Promise<ApplicationEntity[]> {
    const query = this.dataSource.getRepository(ApplicationEntity).createQueryBuilder('a');
    applyReach(query, reach);
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.program) query.andWhere('a.program = :program', { program: filter.program });
    if (filter.regionCode) query.andWhere('a.region_code LIKE :filterRegion', { filterRegion: regionLikePattern(filter.regionCode) });
    if (after) {
      query.andWhere(
        new Brackets((where) =>
          where
            .where('a.created_at < :afterCreated', { afterCreated: after.createdAt })
            .orWhere('(a.created_at = :afterCreated AND a.id < :afterId)', { afterId: after.id }),
        ),
      );
    }
    return query.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').take(limit).getMany();
  }
}

function applyReach<T extends { andWhere: (sql: string, params?: object) => T }>(query: T, reach: Reach): T {
  if (reach.submittedBy !== undefined) query.andWhere('a.submitted_by = :submittedBy', { submittedBy: reach.submittedBy });
  if (reach.region !== undefined) query.andWhere('a.region_code LIKE :reachRegion', { reachRegion: regionLikePattern(reach.region) });
  return query;
}
