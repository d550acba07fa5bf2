import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiProblems } from '../../core/http/api-problems.decorator.js';
import {
  AuditChainBrokenDto,
  AuditChainValidDto,
  AuditCheckpointDto,
  AuditEventPageDto,
  AuditKeySetDto,
} from './dto/audit-event.response.dto.js';

/** The OpenAPI description of each endpoint of `AuditController`, one decorator per endpoint. */

const TAG = ApiTags('audit');

export const ListAuditEventsDocs = () =>
  applyDecorators(
    TAG,
    ApiOperation({
      summary: 'List audit events',
      description:
        'Who did what to which application and when, reads of personal data included, oldest first; filter by actor, action, application and time. Refused requests are there too: a 403 as outcome DENIED, a 409 as CONFLICT, under the action tried. A token’s region limits them to that region’s applications. The read is itself an event, AUDIT_READ, whose outcome holds the filters used. Only sealed events are listed: an event is sealed (given its sequence and hash) within about a second of its commit.',
    }),
    ApiOkResponse({ type: AuditEventPageDto, description: 'A page of events.' }),
    ApiProblems({
      400: {
        description: 'A query parameter is not valid, or the cursor is not one this service gave out.',
        errors: [
          {
            path: 'from',
            message: 'from must be an RFC 3339 date-time with a UTC offset, such as 2026-11-28T10:00:00Z or 2026-11-28T18:00:00+08:00',
          },
        ],
      },
    }),
  );

export const VerifyAuditChainDocs = () =>
  applyDecorators(
    TAG,
    ApiExtraModels(AuditChainValidDto, AuditChainBrokenDto),
    ApiOperation({
      summary: 'Verify the audit chain',
      description:
        'By default incremental: checks that the event where the previous verification stopped still has its hash, then walks the events sealed since. `full=true` walks the whole chain; so does a `checkpoint` (a signed one kept outside the deployment), and the log must then still hold exactly the prefix it names. Every verification also holds the log to its newest stored checkpoint. One whole walk runs at a time (409 meanwhile). An incremental verification cannot see a change of events verified before: run a whole one regularly, and against a checkpoint kept elsewhere.',
    }),
    ApiOkResponse({
      description: 'The verdict: valid with the number of events, or the first bad sequence and why.',
      schema: { oneOf: [{ $ref: getSchemaPath(AuditChainValidDto) }, { $ref: getSchemaPath(AuditChainBrokenDto) }] },
      examples: {
        valid: { summary: 'Whole', value: { valid: true, events: 34, full: false, verifiedFrom: 30, checked: 4 } },
        broken: { summary: 'Tampered', value: { valid: false, firstBadSequence: 12, reason: 'HASH_MISMATCH', full: true } },
        cut: {
          summary: 'Tail cut after a checkpoint',
          value: {
            valid: false,
            firstBadSequence: 31,
            reason: 'CHECKPOINT_NOT_REACHED',
            full: true,
            checkpoint: { origin: 'hedui:postgres://db:5432/hedui', sequence: 34, hash: 'ab'.repeat(32), at: '2026-11-28T10:00:00.000Z' },
          },
        },
      },
    }),
    ApiProblems({
      400: {
        description:
          'The checkpoint is not a compact JWS, its signature does not verify with any key of GET /v1/audit-events/keys (or its kid is unknown), or it names another log.',
        errors: [{ path: 'checkpoint', message: 'checkpoint is not a signed checkpoint of this log: its signature does not verify' }],
      },
      409: {
        description: 'A whole verification (full=true, or against a checkpoint) is already running in some process.',
        detail: 'A whole verification of the audit log is already running; try again once it has finished.',
      },
    }),
  );

export const AuditCheckpointDocs = () =>
  applyDecorators(
    TAG,
    ApiOperation({
      summary: 'The newest signed checkpoint',
      description:
        'The log’s head when it was last signed (at most a second behind under load), as an Ed25519 compact JWS signed with a key the database does not hold. Keep copies outside the deployment (AUDIT_WITNESS_URL receives each one): a later verify against one proves the log still holds what it held then.',
    }),
    ApiOkResponse({ type: AuditCheckpointDto, description: 'The JWS, its key id and its decoded payload.' }),
    ApiProblems({
      404: {
        description: 'No checkpoint has been signed yet (a service that has just started for the first time).',
        detail: 'A signed checkpoint was not found.',
      },
    }),
  );

export const AuditKeysDocs = () =>
  applyDecorators(
    TAG,
    ApiOperation({
      summary: 'The checkpoints’ public keys',
      description: 'A JWKS of the Ed25519 keys that verify checkpoints: the current signing key’s and earlier ones kept after a rotation.',
    }),
    ApiOkResponse({ type: AuditKeySetDto, description: 'The public keys, each under its `kid`.' }),
  );
