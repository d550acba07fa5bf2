import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import { DATE_TIME_QUERY_DOC } from '../../../core/time/date-time.js';
import { IsDateTime } from '../../../core/validation/validators.js';
import { AUDIT_ACTIONS, type AuditAction } from '../audit.types.js';

export class ListAuditEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 128, description: 'The acting staff member (a token’s `sub`), or `system`.' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  actor?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({
    format: DATE_TIME_QUERY_DOC.format,
    pattern: DATE_TIME_QUERY_DOC.pattern,
    description: `From this instant (inclusive). ${DATE_TIME_QUERY_DOC.note}`,
    example: '2026-11-28T00:00:00+08:00',
  })
  @IsOptional()
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({
    format: DATE_TIME_QUERY_DOC.format,
    pattern: DATE_TIME_QUERY_DOC.pattern,
    description: `Up to this instant (exclusive). ${DATE_TIME_QUERY_DOC.note}`,
    example: '2026-11-29T00:00:00+08:00',
  })
  @IsOptional()
  @IsDateTime()
  to?: string;
}

export class VerifyAuditChainQueryDto {
  /** A signed checkpoint kept outside the deployment: the log must still hold the prefix it names. */
  @ApiPropertyOptional({
    maxLength: 4096,
    description:
      'A signed checkpoint (the compact JWS of GET /v1/audit-events/checkpoint) kept outside the deployment: the log must still hold exactly the prefix it names. Walks the whole chain.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'checkpoint must be a compact JWS' })
  checkpoint?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description:
      'true: walk the whole chain from the first event. Otherwise only the events sealed since the last verification are walked (and the event it stopped at is checked).',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'full must be true or false' })
  full?: 'true' | 'false';
}
