import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiProblems } from '../../core/http/api-problems.decorator.js';
import { AuditChainBrokenDto, AuditChainValidDto, AuditCheckpointDto, AuditEventPageDto } from './dto/audit-event.response.dto.js';

/** The OpenAPI description of each endpoint of `AuditController`, one decorator per endpoint. */

const TAG = ApiTags('audit');

export const ListAuditEventsDocs = () =>
  applyDecorators(
    TAG,
    ApiOperation({
      summary: 'List audit events',
      description:
        'Who did what to which application and when, reads of personal data included, oldest first; filter by actor, action, application and time. Refused requests are there too: a 403 as outcome DENIED, a 409 as CONFLICT, under the action tried. A token’s region limits them to that region’s applications. The read is itself an event, AUDIT_READ, whose outcome holds the filters used.',
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
        'Walks the hash chain from the first event. With a checkpoint kept outside the database it also proves that nothing was cut off the end.',
    }),
    ApiOkResponse({
      description: 'The verdict: valid with the number of events, or the first bad sequence.',
      schema: { oneOf: [{ $ref: getSchemaPath(AuditChainValidDto) }, { $ref: getSchemaPath(AuditChainBrokenDto) }] },
      examples: {
        valid: { summary: 'Whole', value: { valid: true, events: 34 } },
        broken: { summary: 'Tampered', value: { valid: false, firstBadSequence: 12 } },
      },
    }),
    ApiProblems({
      400: {
        description: 'checkpointSequence and checkpointHash must come together, and be well formed.',
        errors: [{ path: 'checkpointHash', message: 'checkpointSequence and checkpointHash go together' }],
      },
    }),
  );

export const AuditCheckpointDocs = () =>
  applyDecorators(
    TAG,
    ApiOperation({
      summary: 'The chain’s head',
      description: 'The newest event’s sequence and hash, to keep outside the database for a later verify.',
    }),
    ApiOkResponse({ type: AuditCheckpointDto, description: 'The head of the chain (sequence 0 and the genesis hash while it is empty).' }),
  );
