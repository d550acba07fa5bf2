import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
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
  /** A checkpoint kept outside the database: the chain must still reach it, with this hash. */
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'The `sequence` of a checkpoint kept outside the database: the chain must still reach it. Goes with checkpointHash.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  checkpointSequence?: number;

  @ApiPropertyOptional({ maxLength: 64, description: 'The `hash` of that checkpoint. Goes with checkpointSequence.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  checkpointHash?: string;
}
