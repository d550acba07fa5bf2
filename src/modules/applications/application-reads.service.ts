import { Injectable } from '@nestjs/common';
import { DomainError } from '../../core/errors/domain.error.js';
import { cursorField, decodeCursor, encodeCursor, type Page } from '../../core/http/cursor.js';
import { AuditLog } from '../audit/audit-log.js';
import { actorOf } from '../audit/audit.types.js';
import type { Principal } from '../auth/principal.js';
import { toApplicationSummary, toApplicationView } from './application.mapper.js';
import { ApplicationsRepository, type PageCursor } from './applications.repository.js';
import { reachOf } from './applications.service.js';
import type { IdNumberView } from './dto/get-application.query.dto.js';
import { maskApplicationView } from './id-number-masking.js';
import type { ListApplicationsQueryDto } from './dto/list-applications.query.dto.js';

@Injectable()
export class ApplicationReadsService {
  constructor(
    private readonly repository: ApplicationsRepository,
    private readonly auditLog: AuditLog,
  ) {}

  /**
   * The application with its members, its current checks, determination and decision. The
   * read is audited, and so is an attempt on one out of reach (as NOT_FOUND).
   */
  async get(principal: Principal, id: string, correlationId: string, idNumbers: IdNumberView = 'full') {
    const record = await this.repository.findView(id, reachOf(principal));
    const event = { actor: actorOf(principal), action: 'APPLICATION_READ' as const, applicationId: id, correlationId };
    await this.auditLog.record({ ...event, outcome: record ? 'SUCCEEDED' : 'NOT_FOUND' });
    if (!record) throw DomainError.notFound('The application');
    const view = toApplicationView(record);
    return idNumbers === 'masked' ? maskApplicationView(view) : view;
  }

  /**
   * One member's full identity number, for a caller who may read the application: an audited
   * read of its own (ID_NUMBER_REVEALED), whose event names the application, never the number.
   * No such application in reach, or no such member: 404, recorded as NOT_FOUND.
   */
  async revealIdNumber(principal: Principal, id: string, memberIndex: number, correlationId: string): Promise<{ idNumber: string }> {
    const idNumber = await this.repository.findMemberIdNumber(id, reachOf(principal), memberIndex);
    await this.auditLog.record({
      actor: actorOf(principal),
      action: 'ID_NUMBER_REVEALED',
      applicationId: id,
      correlationId,
      outcome: idNumber === null ? 'NOT_FOUND' : 'SUCCEEDED',
    });
    if (idNumber === null) throw DomainError.notFound('The application or member');
    return { idNumber };
  }

  async list(
    principal: Principal,
    query: ListApplicationsQueryDto,
    correlationId: string,
  ): Promise<Page<ReturnType<typeof toApplicationSummary>>> {
    const after = query.cursor ? decodeCursor(query.cursor, isPageCursor) : undefined;
    const rows = await this.repository.findPage(reachOf(principal), query, query.limit + 1, after);
    await this.auditLog.record({
      actor: actorOf(principal),
      action: 'APPLICATIONS_LISTED',
      applicationId: null,
      correlationId,
      outcome: 'SUCCEEDED',
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(toApplicationSummary),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }
}

function isPageCursor(value: unknown): value is PageCursor {
  const candidate = value as Partial<PageCursor> | null;
  return cursorField.timestamp(candidate?.createdAt) && cursorField.uuid(candidate?.id);
}
