import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import { AUDIT_ACTIONS, type AuditAction } from '../audit.types.js';

export class ListAuditEventsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(128)
  actor?: string;

  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @IsOptional()
  @IsUUID()
  applicationId?: string;

  /** From this instant (inclusive), ISO 8601. */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Up to this instant (exclusive), ISO 8601. */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class VerifyAuditChainQueryDto {
  /** A checkpoint kept outside the database: the chain must still reach it, with this hash. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  checkpointSequence?: number;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  checkpointHash?: string;
}
