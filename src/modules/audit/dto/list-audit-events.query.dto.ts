import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction } from '../audit.types.js';

export class ListAuditEventsQueryDto {
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

  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
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
