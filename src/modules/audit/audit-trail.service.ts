import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../core/errors/domain.error.js';
import { regionLikePattern } from '../../core/region/region-scope.js';
import { toStoredInstant } from '../../core/time/date-time.js';
import { ApplicationEntity } from '../applications/entities/application.entity.js';
import { cursorField, decodeCursor, encodeCursor, type Page } from '../../core/http/cursor.js';
import { canonicalJson } from '../../core/json/canonical-json.js';
import type { Principal } from '../auth/principal.js';
import { AuditLog } from './audit-log.js';
import { ChainWalker, type ChainVerdict } from './audit-chain.js';
import { actorOf } from './audit.types.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { GENESIS_HASH } from './audit.types.js';
import type { ListAuditEventsQueryDto, VerifyAuditChainQueryDto } from './dto/list-audit-events.query.dto.js';

const VERIFY_PAGE = 1000;

/** The sequence a cursor continues after; a cursor this service did not give out is a 400. */
function afterOf(query: ListAuditEventsQueryDto): number | undefined {
  if (!query.cursor) return undefined;
  return decodeCursor(query.cursor, (value): value is { after: number } =>
    cursorField.sequence((value as { after?: unknown } | null)?.after),
  ).after;
}

/** The filters of a read as recorded: instants as stored (UTC), the cursor as the sequence it continues after. */
function filtersOf(query: ListAuditEventsQueryDto): Record<string, string | number> {
  const filters = {
    actor: query.actor,
    action: query.action,
    applicationId: query.applicationId,
    from: query.from && toStoredInstant(query.from),
    to: query.to && toStoredInstant(query.to),
    after: afterOf(query),
    limit: query.limit,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== null)) as Record<
    string,
    string | number
  >;
}

/** What auditors read of the chain: events by filter, the chain's head, and its verification. */
@Injectable()
export class AuditTrailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
  ) {}

  /**
   * Events by filter, oldest first; a token's region limits them to that region's applications.
   * The read is itself an audit event (AUDIT_READ, after the events are read, so that a page
   * never holds its own read), with the filters used as its outcome: an auditor investigating
   * misuse sees who looked for what.
   */
  async list(principal: Principal, query: ListAuditEventsQueryDto, correlationId: string): Promise<Page<AuditEventEntity>> {
    const page = await this.findPage(query, principal.region);
    await this.auditLog.record({
      actor: actorOf(principal),
      action: 'AUDIT_READ',
      applicationId: null,
      correlationId,
      outcome: canonicalJson(filtersOf(query)),
    });
    return page;
  }

  private async findPage(query: ListAuditEventsQueryDto, region?: string): Promise<Page<AuditEventEntity>> {
    const builder = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (region) {
      builder.innerJoin(ApplicationEntity, 'a', 'a.id = e.application_id AND a.region_code LIKE :region', {
        region: regionLikePattern(region),
      });
    }
    if (query.actor) builder.andWhere('e.actor = :actor', { actor: query.actor });
    if (query.action) builder.andWhere('e.action = :action', { action: query.action });
    if (query.applicationId) builder.andWhere('e.application_id = :applicationId', { applicationId: query.applicationId });
    if (query.from) builder.andWhere('e.at >= :from', { from: toStoredInstant(query.from) });
    if (query.to) builder.andWhere('e.at < :to', { to: toStoredInstant(query.to) });
    const after = afterOf(query);
    if (after !== undefined) builder.andWhere('e.sequence > :after', { after });
    const rows = await builder
      .orderBy('e.sequence', 'ASC')
      .take(query.limit + 1)
      .getMany();
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ after: last.sequence }) : null };
  }

  /** The newest event's sequence and hash, to be kept outside the database. */
  async checkpoint(): Promise<{ sequence: number; hash: string; at: string | null }> {
    const head = await this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .orderBy('e.sequence', 'DESC')
      .limit(1)
      .getOne();
    return head ? { sequence: head.sequence, hash: head.hash, at: head.at } : { sequence: 0, hash: GENESIS_HASH, at: null };
  }

  /**
   * Walks the whole chain from the first event. With a checkpoint, the chain must also still
   * hold that event with that hash: events cut off the end are found that way.
   */
  async verify(query: VerifyAuditChainQueryDto): Promise<ChainVerdict> {
    if ((query.checkpointSequence === undefined) !== (query.checkpointHash === undefined)) {
      throw DomainError.validation([{ path: 'checkpointHash', message: 'checkpointSequence and checkpointHash go together' }]);
    }
    const walker = new ChainWalker(GENESIS_HASH);
    const repository = this.dataSource.getRepository(AuditEventEntity);
    for (let after = 0; ;) {
      const page = await repository
        .createQueryBuilder('e')
        .where('e.sequence > :after', { after })
        .orderBy('e.sequence', 'ASC')
        .take(VERIFY_PAGE)
        .getMany();
      const bad = walker.check(page);
      if (bad !== null) return { valid: false, firstBadSequence: bad };
      if (page.length < VERIFY_PAGE) break;
      after = page[page.length - 1].sequence;
    }
    if (query.checkpointSequence !== undefined) {
      const atCheckpoint = await repository.findOneBy({ sequence: query.checkpointSequence });
      if (!atCheckpoint || atCheckpoint.hash !== query.checkpointHash) {
        return { valid: false, firstBadSequence: Math.min(query.checkpointSequence, walker.events + 1) };
      }
    }
    return { valid: true, events: walker.events };
  }
}
