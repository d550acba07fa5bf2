import { Injectable } from '@nestjs/common';
import { DomainError } from '../../core/errors/domain.error.js';
import { decodeCursor, encodeCursor, type Page } from '../../core/http/cursor.js';
import type { Principal } from '../auth/principal.js';
import { toApplicationSummary, toApplicationView } from './application.mapper.js';
import { ApplicationsRepository, type PageCursor } from './applications.repository.js';
import { reachOf } from './applications.service.js';
import type { ListApplicationsQueryDto } from './dto/list-applications.query.dto.js';

@Injectable()
export class ApplicationReadsService {
  constructor(private readonly repository: ApplicationsRepository) {}

  /** The application with its members, its current checks and its current determination. */
  async get(principal: Principal, id: string) {
    const record = await this.repository.findView(id, reachOf(principal));
    if (!record) throw DomainError.notFound('The application');
    return toApplicationView(record);
  }

  async list(principal: Principal, query: ListApplicationsQueryDto): Promise<Page<ReturnType<typeof toApplicationSummary>>> {
    const after = query.cursor ? decodeCursor(query.cursor, isPageCursor) : undefined;
    const rows = await this.repository.findPage(reachOf(principal), query, query.limit + 1, after);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(toApplicationSummary),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }
}

function isPageCursor(value: unknown): value is PageCursor {
  const candidate = value as PageCursor | null;
  return typeof candidate?.createdAt === 'string' && typeof candidate.id === 'string';
}
