import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '../../core/database/unit-of-work.js';
import type { NotificationJobData } from '../../core/queue/queue.types.js';
import { ApplicationEntity } from '../applications/entities/application.entity.js';
import { AuditCheckpointEntity } from '../audit/checkpoint/audit-checkpoint.entity.js';
import { DecisionEntity } from '../review/entities/decision.entity.js';
import { DeterminationEntity } from '../verification/entities/determination.entity.js';
import { WebhookEventEntity } from './webhook-event.entity.js';
import type { ApplicationFacts, WebhookFacts } from './webhook-event.js';

export type NewWebhookEvent = Pick<WebhookEventEntity, 'id' | 'type' | 'subjectId' | 'correlationId' | 'createdAt'>;
export type WebhookEventEnd = Pick<WebhookEventEntity, 'attempts' | 'responseStatus' | 'finishedAt'> & {
  status: 'DELIVERED' | 'FAILED';
};

@Injectable()
export class WebhookEventsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Records an event as pending, inside the caller's transaction; recording it again (same id) changes nothing. */
  async recordPending(manager: EntityManager, events: NewWebhookEvent[]): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(WebhookEventEntity)
      .values(events.map((event) => ({ ...event, status: 'PENDING' as const, attempts: 0, responseStatus: null, finishedAt: null })))
      .orIgnore()
      .execute();
  }

  /** Events still pending that were recorded before `before`, oldest first, after the keyset `after`. */
  findStalePending(before: string, limit: number, after?: { createdAt: string; id: string }): Promise<WebhookEventEntity[]> {
    const query = this.dataSource
      .getRepository(WebhookEventEntity)
      .createQueryBuilder('w')
      .where('w.status = :pending AND w.created_at < :before', { pending: 'PENDING', before });
    if (after) {
      query.andWhere('(w.created_at > :createdAt OR (w.created_at = :createdAt AND w.id > :id))', {
        createdAt: after.createdAt,
        id: after.id,
      });
    }
    return query.orderBy('w.created_at', 'ASC').addOrderBy('w.id', 'ASC').take(limit).getMany();
  }

  /** Closes a pending event; false if it was not pending (finished already, or never recorded). */
  async finish(id: string, end: WebhookEventEnd): Promise<boolean> {
    const result = await this.unitOfWork.write((manager) =>
      manager
        .createQueryBuilder()
        .update(WebhookEventEntity)
        .set(end)
        .where('id = :id AND status = :pending', { id, pending: 'PENDING' })
        .execute(),
    );
    return Boolean(result.affected);
  }

  /** What the event announces, from its determination or decision and their application, or its checkpoint; null if gone. */
  async findFacts(data: NotificationJobData): Promise<WebhookFacts | null> {
    if (data.type === 'audit.checkpoint') {
      const checkpoint = await this.dataSource.getRepository(AuditCheckpointEntity).findOneBy({ id: data.checkpointId });
      if (!checkpoint) return null;
      const { at: occurredAt, origin, sequence, hash, jws } = checkpoint;
      return { occurredAt, origin, sequence: Number(sequence), hash, checkpoint: jws };
    }
    const application = ['a.program AS program', 'a.region_code AS "regionCode"'];
    if (data.type === 'determination.made') {
      const row = await this.dataSource
        .getRepository(DeterminationEntity)
        .createQueryBuilder('d')
        .innerJoin(ApplicationEntity, 'a', 'a.id = d.application_id')
        .select(['d.determined_at AS "occurredAt"', 'd.application_id AS "applicationId"', 'd.verification_id AS "verificationId"'])
        .addSelect([...application, 'd.outcome AS outcome'])
        .where('d.verification_id = :verificationId', { verificationId: data.verificationId })
        .getRawOne<ApplicationFacts>();
      return row ?? null;
    }
    const row = await this.dataSource
      .getRepository(DecisionEntity)
      .createQueryBuilder('c')
      .innerJoin(DeterminationEntity, 'd', 'd.id = c.determination_id')
      .innerJoin(ApplicationEntity, 'a', 'a.id = c.application_id')
      .select(['c.decided_at AS "occurredAt"', 'c.application_id AS "applicationId"', 'd.verification_id AS "verificationId"'])
      .addSelect([...application, 'c.decision AS decision'])
      .where('c.id = :decisionId', { decisionId: data.decisionId })
      .getRawOne<ApplicationFacts>();
    return row ?? null;
  }
}
