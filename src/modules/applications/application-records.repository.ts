import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, type ObjectLiteral } from 'typeorm';
import { regionLikePattern } from '../../core/region/region-scope.js';
import type { Program } from '../eligibility/eligibility.types.js';
import { allowedFrom, type ApplicationEvent, targetOf } from './application-lifecycle.js';
import { ApplicationMemberEntity } from './entities/application-member.entity.js';
import { ApplicationEntity } from './entities/application.entity.js';

/**
 * The applications module's tables (`applications`, `application_members`) as the other
 * modules may use them: the rows they read, in batches, and every status write, each one an
 * event of the life cycle (application-lifecycle.ts), guarded in SQL by the statuses the event
 * is allowed from. Writes run in the caller's transaction and take many applications at once:
 * one statement for a batch, never one per application.
 */
@Injectable()
export class ApplicationRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The applications asked for, in one query; absent ones left out. */
  findByIds(ids: readonly string[]): Promise<ApplicationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ApplicationEntity).findBy({ id: In([...ids]) });
  }

  /** The members of each application, in their order, in one query. */
  async findMembersOf(applicationIds: readonly string[]): Promise<Map<string, ApplicationMemberEntity[]>> {
    const byApplication = new Map<string, ApplicationMemberEntity[]>(applicationIds.map((id) => [id, []]));
    if (applicationIds.length === 0) return byApplication;
    const rows = await this.dataSource
      .getRepository(ApplicationMemberEntity)
      .createQueryBuilder('m')
      .where('m.application_id IN (:...applicationIds)', { applicationIds: [...applicationIds] })
      .orderBy('m.application_id', 'ASC')
      .addOrderBy('m.position', 'ASC')
      .getMany();
    for (const row of rows) byApplication.get(row.applicationId)?.push(row);
    return byApplication;
  }

  /**
   * A condition for another module's query, whose `column` holds an application id: that the
   * application is of `program` and within every region given (region-scope prefixes). The
   * caller's page stays one statement; the applications table is named here only. Null: no condition.
   */
  applicationsWhere(
    column: string,
    filter: { program?: Program; regions?: (string | undefined)[] },
  ): { sql: string; params: ObjectLiteral } | null {
    const conditions: string[] = [];
    const params: ObjectLiteral = {};
    if (filter.program) {
      conditions.push('app_scope.program = :appScopeProgram');
      params.appScopeProgram = filter.program;
    }
    (filter.regions ?? []).forEach((region, i) => {
      if (region === undefined) return;
      conditions.push(`app_scope.region_code LIKE :appScopeRegion${i}`);
      params[`appScopeRegion${i}`] = regionLikePattern(region);
    });
    if (conditions.length === 0) return null;
    return { sql: `${column} IN (SELECT app_scope.id FROM applications app_scope WHERE ${conditions.join(' AND ')})`, params };
  }

  /** Applies `event` to each application the machine allows it for, in one statement; answers the ids that moved. */
  async transition(manager: EntityManager, ids: readonly string[], event: ApplicationEvent, at: string): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const query = this.update(manager, event, at).andWhere('id IN (:...ids)', { ids: [...ids] });
    return new Set((await updateReturning<{ id: string }>(manager, query.getQueryAndParameters(), 'id')).map((row) => row.id));
  }

  /**
   * Applies `event` to each application while the given verification is still its current one
   * (a determination of a superseded verification moves nothing), in one statement; answers the
   * application ids that moved.
   */
  async transitionCurrent(
    manager: EntityManager,
    currentVerifications: readonly (readonly [applicationId: string, verificationId: string])[],
    event: ApplicationEvent,
    at: string,
  ): Promise<Set<string>> {
    if (currentVerifications.length === 0) return new Set();
    const params = Object.fromEntries(
      currentVerifications.flatMap(([id, verificationId], i) => [
        [`id${i}`, id],
        [`verification${i}`, verificationId],
      ]),
    );
    const pairs = currentVerifications.map((_, i) => `(:id${i}, :verification${i})`).join(', ');
    const query = this.update(manager, event, at).andWhere(`(id, current_verification_id) IN (${pairs})`, params);
    return new Set((await updateReturning<{ id: string }>(manager, query.getQueryAndParameters(), 'id')).map((row) => row.id));
  }

  /** REVERIFICATION_REQUESTED: the application starts over with `verificationId` as its current verification; false if refused. */
  async restart(manager: EntityManager, id: string, verificationId: string, at: string): Promise<boolean> {
    const result = await this.update(manager, 'REVERIFICATION_REQUESTED', at, { currentVerificationId: verificationId })
      .andWhere('id = :id', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  private update(manager: EntityManager, event: ApplicationEvent, at: string, also: Partial<ApplicationEntity> = {}) {
    return manager
      .createQueryBuilder()
      .update(ApplicationEntity)
      .set({ status: targetOf(event), updatedAt: at, ...also })
      .where('status IN (:...allowedFrom)', { allowedFrom: [...allowedFrom(event)] });
  }
}

/**
 * Runs an UPDATE with `RETURNING columns` and answers the rows it changed. TypeORM's builder
 * offers RETURNING on PostgreSQL only; SQLite has had it since 3.35. PostgreSQL's driver hands
 * an UPDATE's result over as [rows, count], SQLite's as the rows.
 */
export async function updateReturning<T>(manager: EntityManager, [sql, parameters]: [string, unknown[]], columns: string): Promise<T[]> {
  const raw: unknown = await manager.query(`${sql} RETURNING ${columns}`, parameters);
  if (!Array.isArray(raw)) return [];
  return (Array.isArray(raw[0]) ? raw[0] : raw) as T[];
}
