import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AUDIT_ACTIONS } from '../audit.types.js';

/** One link of the audit chain: never a name or an identity number. */
@ApiSchema({ name: 'AuditEvent' })
export class AuditEventResponseDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: '1, 2, 3, … without gaps: the order in which events were sealed.' })
  sequence: number;

  @ApiProperty({
    format: 'date-time',
    description: 'When the action happened. Events of concurrent writers may be sealed a few milliseconds out of this order.',
  })
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

/** What a checkpoint says: this log held `sequence` events, the last with `hash`. */
@ApiSchema({ name: 'AuditCheckpointPayload' })
export class AuditCheckpointPayloadDto {
  @ApiProperty({ description: 'The log’s name (AUDIT_LOG_ORIGIN), so that a checkpoint of one deployment never passes for another’s.' })
  origin: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events in the log when it was signed (0 while it was empty).' })
  sequence: number;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'The hash of event `sequence` (64 zeros for an empty log).' })
  hash: string;

  @ApiProperty({ format: 'date-time', description: 'When it was signed.' })
  at: string;
}

/** The newest signed checkpoint, to keep outside the deployment. */
@ApiSchema({ name: 'AuditCheckpoint' })
export class AuditCheckpointDto {
  @ApiProperty({
    pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
    description:
      'The checkpoint as a compact JWS (EdDSA, Ed25519; header `typ` hedui-audit-checkpoint and `kid`): what to keep, and to pass to verify.',
  })
  checkpoint: string;

  @ApiProperty({ description: 'The signing key’s id: its RFC 7638 thumbprint, as listed by GET /v1/audit-events/keys.' })
  kid: string;

  @ApiProperty({ type: AuditCheckpointPayloadDto, description: 'The JWS payload, decoded.' })
  payload: AuditCheckpointPayloadDto;
}

/** One public key of the JWKS. */
@ApiSchema({ name: 'AuditPublicKey' })
export class AuditPublicKeyDto {
  @ApiProperty({ enum: ['OKP'] })
  kty: string;

  @ApiProperty({ enum: ['Ed25519'] })
  crv: string;

  @ApiProperty({ description: 'The public key, base64url.' })
  x: string;

  @ApiProperty({ description: 'The key’s RFC 7638 thumbprint, as in a checkpoint’s header.' })
  kid: string;

  @ApiProperty({ enum: ['EdDSA'] })
  alg: string;

  @ApiProperty({ enum: ['sig'] })
  use: string;
}

@ApiSchema({ name: 'AuditKeySet' })
export class AuditKeySetDto {
  @ApiProperty({ type: [AuditPublicKeyDto], description: 'The current signing key first, then earlier ones (AUDIT_PUBLIC_KEYS).' })
  keys: AuditPublicKeyDto[];
}

@ApiSchema({ name: 'AuditChainValid' })
export class AuditChainValidDto {
  @ApiProperty({ enum: [true] })
  valid: true;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events the log holds, all verified (the last one’s sequence).' })
  events: number;

  @ApiProperty({ description: 'Whether the walk started at the first event (full=true, a checkpoint, or no earlier verification).' })
  full: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The sequence the walk started after: where the previous verification stopped (0 for a whole walk).',
  })
  verifiedFrom: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events hashed by this verification.' })
  checked: number;

  @ApiPropertyOptional({ type: AuditCheckpointPayloadDto, description: 'The checkpoint given, which the log still holds.' })
  checkpoint?: AuditCheckpointPayloadDto;
}

export const AUDIT_VERIFY_FAILURES = [
  'SEQUENCE_GAP',
  'LINK_BROKEN',
  'HASH_MISMATCH',
  'CHECKPOINT_MISMATCH',
  'CHECKPOINT_NOT_REACHED',
  'VERIFIED_POINT_CHANGED',
  'STORED_CHECKPOINT_INVALID',
] as const;

@ApiSchema({ name: 'AuditChainBroken' })
export class AuditChainBrokenDto {
  @ApiProperty({ enum: [false] })
  valid: false;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description:
      'The first event missing, changed or out of order; for a checkpoint the log no longer holds, the checkpoint’s sequence (or the first sequence past the log’s end).',
  })
  firstBadSequence: number;

  @ApiProperty({
    enum: AUDIT_VERIFY_FAILURES,
    description:
      'SEQUENCE_GAP: an event removed or reordered; LINK_BROKEN: an event that does not link to the one before; HASH_MISMATCH: an event whose content no longer matches its hash; CHECKPOINT_MISMATCH: the log holds another event where a signed checkpoint (given, or the newest stored) says (rewritten and re-sealed, or rebuilt); CHECKPOINT_NOT_REACHED: the log ends before a signed checkpoint (its tail cut); VERIFIED_POINT_CHANGED: the event where the last verification stopped changed (run full=true); STORED_CHECKPOINT_INVALID: the newest checkpoint in the database was not signed by a key of this log (forged, or an old key left out of AUDIT_PUBLIC_KEYS).',
  })
  reason: string;

  @ApiProperty({ description: 'Whether the walk started at the first event.' })
  full: boolean;

  @ApiPropertyOptional({ type: AuditCheckpointPayloadDto, description: 'The checkpoint given.' })
  checkpoint?: AuditCheckpointPayloadDto;
}
