import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '../../core/database/unit-of-work.js';
import { WebhookEventEntity } from './webhook-event.entity.js';

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
}
