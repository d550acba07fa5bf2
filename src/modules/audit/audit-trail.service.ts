import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../core/errors/domain.error.js';
import { cursorField, decodeCursor, encodeCursor, type Page } from '../../core/http/cursor.js';
import { canonicalJson } from '../../core/json/canonical-json.js';
import { toStoredInstant } from '../../core/time/date-time.js';
import { ApplicationRecords } from '../applications/application-records.repository.js';
import type { Principal } from '../auth/principal.js';
import type { SealedEvent } from './audit-chain.js';
import { AuditLog } from './audit-log.js';
import { actorOf } from './audit.types.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuditCheckpointsRepository } from './checkpoint/audit-checkpoints.repository.js';
import { AuditSigningKeys } from './checkpoint/audit-signing-keys.js';
import type { CheckpointPayload } from './checkpoint/checkpoint-jws.js';
import type { ListAuditEventsQueryDto } from './dto/list-audit-events.query.dto.js';

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

/** What auditors read of the log: sealed events by filter, the newest signed checkpoint, the public keys. */
@Injectable()
export class AuditTrailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checkpoints: AuditCheckpointsRepository,
    private readonly keys: AuditSigningKeys,
    private readonly auditLog: AuditLog,
    private readonly applications: ApplicationRecords,
  ) {}

  /**
   * Sealed events by filter, oldest first; a token's region limits them to that region's
   * applications. An event not sealed yet (sealing follows within a second) is not listed:
   * it has no sequence to page by, and no hash to check. The read is itself an audit event
   * (AUDIT_READ, after the events are read, so that a page never holds its own read), with the
   * filters used as its outcome: an auditor investigating misuse sees who looked for what.
   */
  async list(principal: Principal, query: ListAuditEventsQueryDto, correlationId: string): Promise<Page<SealedEvent>> {
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

  private async findPage(query: ListAuditEventsQueryDto, region?: string): Promise<Page<SealedEvent>> {
    const builder = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e').where('e.sequence IS NOT NULL');
    // Within a region: only events about an application of that region (the applications module says which).
    const inRegion = region ? this.applications.applicationsWhere('e.application_id', { regions: [region] }) : null;
    if (inRegion) builder.andWhere(inRegion.sql, inRegion.params);
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
    const items = rows.slice(0, query.limit).map(sealedEventOf);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ after: last.sequence }) : null };
  }

  /** The newest signed checkpoint: the compact JWS, and what it says. */
  async checkpoint(): Promise<{ checkpoint: string; kid: string; payload: CheckpointPayload }> {
    const newest = await this.checkpoints.newest();
    if (!newest) throw DomainError.notFound('A signed checkpoint');
    return {
      checkpoint: newest.jws,
      kid: newest.kid,
      payload: { origin: newest.origin, sequence: Number(newest.sequence), hash: newest.hash, at: newest.at },
    };
  }

  keySet() {
    return this.keys.jwks();
  }
}

function sealedEventOf(entity: AuditEventEntity): SealedEvent {
  const { sequence, at, actor, role, action, applicationId, correlationId, outcome, previousHash, hash } = entity;
  return {
    sequence: Number(sequence),
    at,
    actor,
    role,
    action,
    applicationId,
    correlationId,
    outcome,
    previousHash: previousHash!,
    hash: hash!,
  };
}
