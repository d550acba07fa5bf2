import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { MicroBatcher } from '../../core/batching/micro-batcher.js';
import { databaseUnavailable } from '../../core/database/database-unavailable.js';
import { UnitOfWork } from '../../core/database/unit-of-work.js';
import { Clock } from '../../core/time/clock.js';
import { AuditLog } from '../audit/audit-log.js';
import { SYSTEM_ACTOR } from '../audit/audit.types.js';
import { NotificationService } from '../notifications/notification.service.js';
import { ReviewQueueRepository } from '../review/review-queue.repository.js';
import { afterDetermination, type ApplicationEvent } from '../applications/application-lifecycle.js';
import { ApplicationRecords } from '../applications/application-records.repository.js';
import type { ApplicationMemberEntity } from '../applications/entities/application-member.entity.js';
import type { ApplicationEntity } from '../applications/entities/application.entity.js';
import { REGISTRY_PLUGINS, type RegistryPlugin } from '../registries/registry-plugin.js';
import { registriesOf } from '../registries/registry-plugins.js';
import { DeterminationEntity } from './entities/determination.entity.js';
import { SourceCheckEntity } from './entities/source-check.entity.js';
import { VerificationEntity } from './entities/verification.entity.js';

/** One registry's check of one verification. */
export interface CheckKey {
  verificationId: string;
  source: SourceCheckEntity['source'];
}

/** What a check needs to run. */
export interface CheckContext {
  applicationId: string;
  status: SourceCheckEntity['status'];
  members: ApplicationMemberEntity[];
}

/** A check's result to record, and what its audit event says. */
export interface CheckRecord {
  result: SourceCheckEntity;
  applicationId: string;
  correlationId: string;
}

/** A verification with everything its determination is made from. */
export interface StoredVerification {
  verification: VerificationEntity;
  application: ApplicationEntity;
  members: ApplicationMemberEntity[];
  checks: SourceCheckEntity[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const keyOf = (key: CheckKey) => `${key.verificationId}:${key.source}`;

/** As many as arrive together, up to a size that keeps each statement's parameters well within the databases' limits. */
const BATCHING = { maxItems: 500, lingerMs: 0, isolate: (error: unknown) => !databaseUnavailable(error) };

@Injectable()
export class VerificationRepository {
  /**
   * The checks that jobs run at about the same time are loaded and recorded together: one
   * query (or transaction) for all of them instead of one each. A batch that fails for another
   * reason than an unreachable database is tried check by check, so that one bad check fails alone.
   */
  private readonly contexts = new MicroBatcher((keys: CheckKey[]) => this.findCheckContexts(keys), BATCHING);
  private readonly records = new MicroBatcher(
    (records: CheckRecord[]) => this.recordChecks(records, this.clock.now().toISOString()),
    BATCHING,
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
    private readonly reviewQueue: ReviewQueueRepository,
    private readonly notifications: NotificationService,
    private readonly applications: ApplicationRecords,
    private readonly clock: Clock,
    @Optional() @Inject(REGISTRY_PLUGINS) private readonly registries?: readonly RegistryPlugin[],
  ) {}

  /** What a check needs to run (null if there is no such check), loaded with those of the other checks starting now. */
  findCheckContext(key: CheckKey): Promise<CheckContext | null> {
    return this.contexts.add(key);
  }

  /** Records a check's result once (false: it was no longer pending), in a transaction with those of other checks finishing now. */
  recordCheck(record: CheckRecord): Promise<boolean> {
    return this.records.add(record);
  }

  /** Adds verifications and their pending source checks, inside the caller's transaction: one statement for each kind of row. */
  async addVerifications(manager: EntityManager, verifications: VerificationEntity[]): Promise<void> {
    await manager.insert(VerificationEntity, verifications);
    await manager.insert(
      SourceCheckEntity,
      verifications.flatMap((verification) =>
        registriesOf(this.registries).map(({ source }) => ({
          verificationId: verification.id,
          source,
          status: 'PENDING' as const,
          attempts: 0,
        })),
      ),
    );
  }

  /** Pending verifications requested before `before`, oldest first. */
  findStalePending(before: string, limit: number): Promise<Pick<VerificationEntity, 'id' | 'correlationId' | 'runId'>[]> {
    return this.dataSource
      .getRepository(VerificationEntity)
      .createQueryBuilder('v')
      .select(['v.id', 'v.correlationId', 'v.runId'])
      .where('v.status = :pending AND v.created_at < :before', { pending: 'PENDING', before })
      .orderBy('v.created_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /**
   * What each check needs to run, for many checks in two queries: its status, the application
   * it verifies and that application's members (in their order); null for a check not found.
   */
  async findCheckContexts(keys: readonly CheckKey[]): Promise<(CheckContext | null)[]> {
    const verificationIds = [...new Set(keys.map((key) => key.verificationId))];
    const checks = await this.dataSource
      .getRepository(SourceCheckEntity)
      .createQueryBuilder('c')
      .innerJoin(VerificationEntity, 'v', 'v.id = c.verification_id')
      .select(['c.verification_id AS "verificationId"', 'c.source AS source', 'c.status AS status', 'v.application_id AS "applicationId"'])
      .where('c.verification_id IN (:...verificationIds)', { verificationIds })
      .getRawMany<CheckKey & { status: SourceCheckEntity['status']; applicationId: string }>();
    const members = await this.applications.findMembersOf([...new Set(checks.map((check) => check.applicationId))]);
    const byKey = new Map(checks.map((check) => [keyOf(check), check]));
    return keys.map((key) => {
      const check = byKey.get(keyOf(key));
      return check ? { applicationId: check.applicationId, status: check.status, members: members.get(check.applicationId) ?? [] } : null;
    });
  }

  /**
   * Records the results of many checks in one transaction, each once: a check no longer pending
   * (a redelivered job, or the determination closing it as abandoned) changes nothing. With
   * each recorded result: its audit event, and its application moved from RECEIVED to
   * VERIFYING (the first answer shows the verification under way). Answers, per result,
   * whether it was recorded.
   */
  async recordChecks(records: readonly CheckRecord[], at: string): Promise<boolean[]> {
    if (records.length === 0) return [];
    return this.unitOfWork.run(async (manager) => {
      const recorded = await this.updatePendingChecks(
        manager,
        records.map((record) => record.result),
      );
      const done = records.filter((record) => recorded.has(keyOf(record.result)));
      await this.applications.transition(manager, [...new Set(done.map((record) => record.applicationId))], 'VERIFICATION_STARTED', at);
      await this.auditLog.append(
        manager,
        ...done.map((record) => ({
          actor: SYSTEM_ACTOR,
          action: 'REGISTRY_CONSULTED' as const,
          applicationId: record.applicationId,
          correlationId: record.correlationId,
          outcome: `${record.result.source}:${record.result.failure ?? record.result.status}`,
        })),
      );
      return records.map((record) => recorded.has(keyOf(record.result)));
    });
  }

  /** Sets each result on its check if still pending; answers the keys of the checks it set. */
  private async updatePendingChecks(manager: EntityManager, results: readonly SourceCheckEntity[]): Promise<Set<string>> {
    if (this.dataSource.options.type === 'postgres') {
      // One statement for all: the results as column arrays, unnested into rows to join on.
      const column = <K extends keyof SourceCheckEntity>(key: K) => results.map((result) => result[key]);
      const [rows] = (await manager.query(
        `UPDATE source_checks AS c
            SET status = v.status, attempts = v.attempts, failure = v.failure, request_ids = v.request_ids, answer = v.answer,
                answer_sha256 = v.answer_sha256, started_at = v.started_at, finished_at = v.finished_at,
                duration_ms = v.duration_ms, origin = v.origin
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[], $5::varchar[], $6::text[], $7::text[],
                       $8::varchar[], $9::varchar[], $10::varchar[], $11::int[], $12::varchar[])
                AS v(verification_id, source, status, attempts, failure, request_ids, answer, answer_sha256, started_at, finished_at, duration_ms, origin)
          WHERE c.verification_id = v.verification_id AND c.source = v.source AND c.status = 'PENDING'
      RETURNING c.verification_id AS "verificationId", c.source AS source`,
        [
          column('verificationId'),
          column('source'),
          column('status'),
          column('attempts'),
          column('failure'),
          column('requestIds'),
          column('answer'),
          column('answerSha256'),
          column('startedAt'),
          column('finishedAt'),
          column('durationMs'),
          column('origin'),
        ],
      )) as [CheckKey[], number];
      return new Set(rows.map(keyOf));
    }
    // SQLite runs in the process: a statement per check costs no round trip.
    const updated = new Set<string>();
    for (const { verificationId, source, ...fields } of results) {
      const query = manager
        .createQueryBuilder()
        .update(SourceCheckEntity)
        .set(fields)
        .where('verification_id = :verificationId AND source = :source AND status = :pending', {
          verificationId,
          source,
          pending: 'PENDING',
        });
      if ((await query.execute()).affected) updated.add(keyOf({ verificationId, source }));
    }
    return updated;
  }

  /** Each verification asked for with its application, members and checks, in four queries; absent ones left out. */
  async findForDetermination(verificationIds: readonly string[]): Promise<Map<string, StoredVerification>> {
    const stored = new Map<string, StoredVerification>();
    if (verificationIds.length === 0) return stored;
    const ids = [...verificationIds];
    const verifications = await this.dataSource.getRepository(VerificationEntity).findBy({ id: In(ids) });
    const applicationIds = [...new Set(verifications.map((verification) => verification.applicationId))];
    const applications = await this.applications.findByIds(applicationIds);
    const members = await this.applications.findMembersOf(applicationIds);
    const checks = await this.dataSource
      .getRepository(SourceCheckEntity)
      .find({ where: { verificationId: In(ids) }, order: { verificationId: 'ASC', source: 'ASC' } });
    const applicationOf = new Map(applications.map((application) => [application.id, application]));
    for (const verification of verifications) {
      const application = applicationOf.get(verification.applicationId);
      if (!application) continue;
      stored.set(verification.id, {
        verification,
        application,
        members: members.get(application.id) ?? [],
        checks: checks.filter((check) => check.verificationId === verification.id),
      });
    }
    return stored;
  }

  /**
   * Stores determinations, many in one transaction: each closes its verification, moves its
   * application on (given the reviewer's decision in force, if any: see afterDetermination)
   * and, for a case a reviewer must look at, queues it, with its audit event. The unique
   * verification id makes a second determination of one verification impossible, whatever
   * redelivers a job (the batch then fails, and is tried one by one). A determination of a
   * verification that a re-verification has since replaced is kept, but moves nothing.
   */
  async storeDeterminations(items: readonly { determination: DeterminationEntity; correlationId: string }[]): Promise<void> {
    if (items.length === 0) return;
    const determinations = items.map((item) => item.determination);
    await this.unitOfWork.run(async (manager) => {
      await manager.insert(DeterminationEntity, determinations);
      for (const [completedAt, closing] of groupBy(determinations, (determination) => determination.determinedAt)) {
        await manager
          .createQueryBuilder()
          .update(VerificationEntity)
          .set({ status: 'DETERMINED', completedAt })
          .where('id IN (:...ids)', { ids: closing.map((determination) => determination.verificationId) })
          .execute();
      }
      const inForce = await this.reviewQueue.findDecisionsInForce(manager, [...new Set(determinations.map((d) => d.applicationId))]);
      const next = new Map(
        determinations.map((d) => [d.id, afterDetermination(d.outcome, inForce.get(d.applicationId)?.decision ?? null)]),
      );
      const moved = new Set<string>();
      for (const [key, moving] of groupBy(determinations, (d) => `${next.get(d.id)!.event} ${d.determinedAt}`)) {
        const [event, at] = key.split(' ') as [ApplicationEvent, string];
        const done = await this.applications.transitionCurrent(
          manager,
          moving.map((d) => [d.applicationId, d.verificationId] as const),
          event,
          at,
        );
        for (const d of moving) if (done.has(d.applicationId)) moved.add(d.id);
      }
      await this.reviewQueue.openMany(
        manager,
        determinations.flatMap((d) => {
          const review = next.get(d.id)!.review;
          return moved.has(d.id) && review
            ? [{ applicationId: d.applicationId, determinationId: d.id, origin: review, requestReason: null, at: d.determinedAt }]
            : [];
        }),
      );
      await this.auditLog.append(
        manager,
        ...items.map(({ determination, correlationId }) => ({
          actor: SYSTEM_ACTOR,
          action: 'DETERMINATION_MADE' as const,
          applicationId: determination.applicationId,
          correlationId,
          outcome: determination.outcome,
        })),
      );
      await this.notifications.determinationsMade(
        manager,
        items.map(({ determination, correlationId }) => ({ verificationId: determination.verificationId, correlationId })),
      );
    });
  }

  /**
   * Closes a verification whose processing failed for good and sends its application to
   * review with the reason, in one transaction; false if the verification was no longer
   * pending (determined meanwhile, or already closed by another process).
   */
  async storeFailure(failure: { verificationId: string; reason: string; at: string }, correlationId: string): Promise<boolean> {
    return this.unitOfWork.run(async (manager) => {
      const closed = await manager
        .createQueryBuilder()
        .update(VerificationEntity)
        .set({ status: 'FAILED', completedAt: failure.at })
        .where('id = :id AND status = :pending', { id: failure.verificationId, pending: 'PENDING' })
        .execute();
      if (!closed.affected) return false;
      const { applicationId } = await manager.getRepository(VerificationEntity).findOneByOrFail({ id: failure.verificationId });
      // A decision in force stays so: the case waits for a reviewer, who can only send it back for another verification.
      const moved = await this.applications.transitionCurrent(
        manager,
        [[applicationId, failure.verificationId]],
        'VERIFICATION_FAILED',
        failure.at,
      );
      if (moved.size > 0) {
        await this.reviewQueue.open(manager, {
          applicationId,
          determinationId: null,
          origin: 'PROCESSING_FAILED',
          requestReason: failure.reason,
          at: failure.at,
        });
      }
      await this.auditLog.append(manager, {
        actor: SYSTEM_ACTOR,
        action: 'VERIFICATION_FAILED',
        applicationId,
        correlationId,
        outcome: 'NEEDS_REVIEW',
      });
      return true;
    });
  }
}
