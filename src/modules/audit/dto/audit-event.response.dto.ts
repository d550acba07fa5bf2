import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AUDIT_ACTIONS } from '../audit.types.js';

/** One link of the audit chain: never a name or an identity number. */
@ApiSchema({ name: 'AuditEvent' })
export class AuditEventResponseDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: '1, 2, 3, … without gaps.' })
  sequence: number;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'The token’s `sub`, or `system` for the service’s own workers.' })
  actor: string;

  @ApiProperty({ enum: ['intake', 'reviewer', 'auditor', 'admin', 'system'] })
  role: string;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  action: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for an action on no one application (a list).' })
  applicationId: string | null;

  @ApiProperty({ description: 'The X-Correlation-Id of the request (or of the request that queued the job).' })
  correlationId: string;

  @ApiProperty({
    description:
      'SUCCEEDED, NOT_FOUND, DENIED (a refused request: 403), CONFLICT (a refused request: 409), or the action’s own result (an outcome, a registry’s status, a policy version; for AUDIT_READ the filters used, as canonical JSON).',
    maxLength: 2000,
  })
  outcome: string;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'The previous event’s hash (64 zeros before the first).' })
  previousHash: string;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 over this event’s fields and previousHash.' })
  hash: string;
}

@ApiSchema({ name: 'AuditEventPage' })
export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventResponseDto], description: 'Oldest first.' })
  items: AuditEventResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last page.' })
  nextCursor: string | null;
}

/** The chain's head, to keep outside the database. */
@ApiSchema({ name: 'AuditCheckpoint' })
export class AuditCheckpointDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: '0 while the chain is empty.' })
  sequence: number;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$' })
  hash: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  at: string | null;
}

@ApiSchema({ name: 'AuditChainValid' })
export class AuditChainValidDto {
  @ApiProperty({ enum: [true] })
  valid: true;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events checked.' })
  events: number;
}

@ApiSchema({ name: 'AuditChainBroken' })
export class AuditChainBrokenDto {
  @ApiProperty({ enum: [false] })
  valid: false;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The first event that is missing, changed or out of order (or the checkpoint that no longer matches).',
  })
  firstBadSequence: number;
}
