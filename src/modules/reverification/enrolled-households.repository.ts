import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type WhereExpressionBuilder } from 'typeorm';
import { regionLikePattern } from '../../core/region/region-scope.js';
import type { ApplicationStatus } from '../applications/entities/application.entity.js';
import { ApplicationEntity } from '../applications/entities/application.entity.js';
import type { Outcome, Program } from '../eligibility/eligibility.types.js';
import { DecisionEntity } from '../review/entities/decision.entity.js';
import { DeterminationEntity } from '../verification/entities/determination.entity.js';
import type { VerificationStatus } from '../verification/entities/verification.entity.js';
import { VerificationEntity } from '../verification/entities/verification.entity.js';
import type { DueRule } from './reverification-due.js';

export interface EnrolledFilter {
  program: Program;
  /** A region code (prefix rules of region-scope.ts); null: every region. */
  regionCode: string | null;
  /** Only households due under these rules; absent: every enrolled household. */
  due?: DueRule[];
  /** Leaves out the households this run has already recorded. */
  notInRun?: string;
  /** Keyset: application ids after this one. */
  after?: string | null;
  limit: number;
}

/** An enrolled household, as a run needs it: the application, where its verification stands, and what enrolled it. */
export interface EnrolledHousehold {
  applicationId: string;
  regionCode: string;
  status: ApplicationStatus;
  /** Of the current (newest) verification. */
  verificationStatus: VerificationStatus;
  /** When the current verification was requested. */
  lastVerifiedAt: string;
  outcome: Outcome;
  decision: 'APPROVED' | null;
}

/**
 * Finds enrolled households: applications whose reviewer's decision in force (the newest, as
 * the API shows it) is APPROVED, or, with no decision at all, whose current determination (the
 * newest) is ELIGIBLE. A REJECTED decision does not enrol, whatever determinations follow it:
 * one that disagrees waits in the review queue until a reviewer decides again.
 */
@Injectable()
export class EnrolledHouseholdsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page ordered by application id. */
  async findPage(filter: EnrolledFilter): Promise<EnrolledHousehold[]> {
    if (filter.due?.length === 0) return [];
    const query = this.dataSource
      .createQueryBuilder()
      .select('a.id', 'applicationId')
      .addSelect('a.region_code', 'regionCode')
      .addSelect('a.status', 'status')
      .addSelect('v.status', 'verificationStatus')
      .addSelect('v.created_at', 'lastVerifiedAt')
      .addSelect('d.outcome', 'outcome')
      .addSelect('x.decision', 'decision')
      .from(ApplicationEntity, 'a')
      .innerJoin(VerificationEntity, 'v', 'v.id = a.current_verification_id')
      .innerJoin(
        DeterminationEntity,
        'd',
        `d.application_id = a.id AND NOT EXISTS (SELECT 1 FROM determinations n WHERE n.application_id = a.id
           AND (n.determined_at > d.determined_at OR (n.determined_at = d.determined_at AND n.id > d.id)))`,
      )
      // The decision in force: the newest, whatever determination it was made on.
      .leftJoin(
        DecisionEntity,
        'x',
        `x.application_id = a.id AND NOT EXISTS (SELECT 1 FROM decisions y WHERE y.application_id = a.id
           AND (y.decided_at > x.decided_at OR (y.decided_at = x.decided_at AND y.id > x.id)))`,
      )
      .where('a.program = :program', { program: filter.program })
      .andWhere("(x.decision = 'APPROVED' OR (x.decision IS NULL AND d.outcome = 'ELIGIBLE'))");
    if (filter.regionCode !== null) query.andWhere('a.region_code LIKE :region', { region: regionLikePattern(filter.regionCode) });
    if (filter.after) query.andWhere('a.id > :after', { after: filter.after });
    if (filter.notInRun) {
      query.andWhere('NOT EXISTS (SELECT 1 FROM reverification_run_items i WHERE i.run_id = :runId AND i.application_id = a.id)', {
        runId: filter.notInRun,
      });
    }
    if (filter.due) {
      const rules = filter.due;
      query.andWhere(new Brackets((any) => rules.forEach((rule, index) => any.orWhere(new Brackets((one) => dueWhere(one, rule, index))))));
    }
    return query.orderBy('a.id', 'ASC').limit(filter.limit).getRawMany<EnrolledHousehold>();
  }
}

function dueWhere(where: WhereExpressionBuilder, rule: DueRule, index: number): void {
  where.where(`a.region_code LIKE :duePrefix${index}`, { [`duePrefix${index}`]: `${rule.regionPrefix}%` });
  rule.exceptPrefixes.forEach((prefix, other) =>
    where.andWhere(`a.region_code NOT LIKE :dueExcept${index}_${other}`, { [`dueExcept${index}_${other}`]: `${prefix}%` }),
  );
  where.andWhere(`v.created_at < :dueBefore${index}`, { [`dueBefore${index}`]: rule.verifiedBefore });
}
