import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '../../core/database/unit-of-work.js';
import { AuditLog } from '../audit/audit-log.js';
import { SYSTEM_ACTOR } from '../audit/audit.types.js';
import { NotificationService } from '../notifications/notification.service.js';
import { ReviewQueueRepository } from '../review/review-queue.repository.js';
import { ApplicationMemberEntity } from '../applications/entities/application-member.entity.js';
import { afterDetermination, moveApplication } from '../applications/application-lifecycle.js';
import { ApplicationEntity } from '../applications/entities/application.entity.js';
import { REGISTRY_SOURCES } from '../registries/registry.types.js';
import { DeterminationEntity } from './entities/determination.entity.js';
import { SourceCheckEntity } from './entities/source-check.entity.js';
import { VerificationEntity } from './entities/verification.entity.js';

@Injectable()
export class VerificationRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
    private readonly reviewQueue: ReviewQueueRepository,
    private readonly notifications: NotificationService,
  ) {}

  /** Adds a verification and its pending source checks, inside the caller's transaction. */
  async addVerification(manager: EntityManager, verification: VerificationEntity): Promise<void> {
    await manager.insert(VerificationEntity, verification);
    await manager.insert(
      SourceCheckEntity,
      REGISTRY_SOURCES.map((source) => ({
        verificationId: verification.id,
        source,
        status: 'PENDING' as const,
        attempts: 0,
      })),
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

  findVerification(id: string): Promise<VerificationEntity | null> {
    return this.dataSource.getRepository(VerificationEntity).findOneBy({ id });
  }

  findApplication(id: string): Promise<ApplicationEntity | null> {
    return this.dataSource.getRepository(ApplicationEntity).findOneBy({ id });
  }

  findMembers(applicationId: string): Promise<ApplicationMemberEntity[]> {
    return this.dataSource.getRepository(ApplicationMemberEntity).find({ where: { applicationId }, order: { position: 'ASC' } });
  }

  /** A check's status and the application it verifies, in one round trip. */
  async findCheckContext(
    verificationId: string,
    source: SourceCheckEntity['source'],
  ): Promise<{ applicationId: string; status: SourceCheckEntity['status'] } | null> {
    const row = await this.dataSource
      .getRepository(SourceCheckEntity)
      .createQueryBuilder('c')
      .innerJoin(VerificationEntity, 'v', 'v.id = c.verification_id')
      .select(['v.application_id AS "applicationId"', 'c.status AS status'])
      .where('c.verification_id = :verificationId AND c.source = :source', { verificationId, source })
      .getRawOne<{ applicationId: string; status: SourceCheckEntity['status'] }>();
    return row ?? null;
  }

  findChecks(verificationId: string): Promise<SourceCheckEntity[]> {
    return this.dataSource.getRepository(SourceCheckEntity).find({ where: { verificationId }, order: { source: 'ASC' } });
  }

  /**
   * Records a check's result once, with its audit event: a redelivered job finds the check no
   * longer pending and changes nothing.
   */
  async completeCheck(result: SourceCheckEntity, audit: { applicationId: string; correlationId: string }): Promise<boolean> {
    const { verificationId, source, ...fields } = result;
    return this.unitOfWork.run(async (manager) => {
      const update = await manager
        .createQueryBuilder()
        .update(SourceCheckEntity)
        .set(fields)
        .where('verification_id = :verificationId AND source = :source AND status = :pending', {
          verificationId,
          source,
          pending: 'PENDING',
        })
        .execute();
      if (!update.affected) return false;
      await this.auditLog.append(manager, {
        actor: SYSTEM_ACTOR,
        action: 'REGISTRY_CONSULTED',
        applicationId: audit.applicationId,
        correlationId: audit.correlationId,
        outcome: `${source}:${result.failure ?? result.status}`,
      });
      return true;
    });
  }

  async markVerifying(applicationId: string, at: string): Promise<void> {
    await this.unitOfWork.write((manager) => moveApplication(manager, applicationId, { to: 'VERIFYING', at }, { from: 'RECEIVED' }));
  }

  /**
   * Stores a determination, closes its verification, moves the application on (given the
   * reviewer's decision in force, if any: see afterDetermination) and, for a case a reviewer
   * must look at, queues it, with the audit event, in one transaction. The unique verification
   * id makes a second determination of one verification impossible, whatever redelivers the
   * job. A determination of a verification that a re-verification has since replaced is kept,
   * but moves nothing.
   */
  async storeDetermination(determination: DeterminationEntity, correlationId: string): Promise<void> {
    await this.unitOfWork.run(async (manager) => {
      await manager.insert(DeterminationEntity, determination);
      await manager.update(
        VerificationEntity,
        { id: determination.verificationId },
        { status: 'DETERMINED', completedAt: determination.determinedAt },
      );
      const inForce = await this.reviewQueue.findDecisionInForce(determination.applicationId, manager);
      const next = afterDetermination(determination.outcome, inForce?.decision ?? null);
      const moved = await moveApplication(
        manager,
        determination.applicationId,
        { to: next.status, at: determination.determinedAt },
        { currentVerificationId: determination.verificationId },
      );
      if (moved && next.review) {
        await this.reviewQueue.open(manager, {
          applicationId: determination.applicationId,
          determinationId: determination.id,
          origin: next.review,
          requestReason: null,
          at: determination.determinedAt,
        });
      }
      await this.auditLog.append(manager, {
        actor: SYSTEM_ACTOR,
        action: 'DETERMINATION_MADE',
        applicationId: determination.applicationId,
        correlationId,
        outcome: determination.outcome,
      });
      await this.notifications.determinationMade(manager, determination.verificationId, correlationId);
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
      const moved = await moveApplication(
        manager,
        applicationId,
        { to: 'IN_REVIEW', at: failure.at },
        { currentVerificationId: failure.verificationId },
      );
      if (moved) {
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
