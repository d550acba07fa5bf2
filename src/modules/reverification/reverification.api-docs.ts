import { applyDecorators } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiProblems, BODY_PROBLEMS, problemResponse } from '../../core/http/api-problems.decorator.js';
import { BEARER_SCHEME } from '../../core/http/openapi-conventions.js';
import { ReverificationRunAcceptedDto, ReverificationRunConflictDto, ReverificationRunDto } from './dto/reverification-run.response.dto.js';
import { StartReverificationRunRequestDto } from './dto/start-reverification-run.request.dto.js';

/** The OpenAPI description of each endpoint of `ReverificationController`, one decorator per endpoint. */

export const REVERIFICATION_TAG = 'reverification-runs';

const COMMON = [ApiTags(REVERIFICATION_TAG), ApiBearerAuth(BEARER_SCHEME)];

const RUN_ID_EXAMPLE = '3f0c2a7e-5b8d-4e1a-9c6f-0d2b4a6e8c10';

const LOCATION = {
  Location: {
    description: 'The run: `/v1/reverification-runs/{id}`.',
    schema: { type: 'string', example: `/v1/reverification-runs/${RUN_ID_EXAMPLE}` },
  },
};

export const StartReverificationRunDocs = () =>
  applyDecorators(
    ...COMMON,
    ApiOperation({
      summary: 'Re-verify the enrolled households of a region',
      description:
        'A reviewer’s token with a region claim may start runs only within it (otherwise 403 naming `regionCode`). Starts a run that re-verifies every enrolled household of the programme within the region (a county code exactly, a prefecture or province code by prefix): applications whose reviewer’s decision in force is APPROVED or, with no decision, whose current determination is ELIGIBLE. One run per programme and region at a time: while one has not completed (selecting, or verifying what it selected), another is 409 naming it; scheduled runs (every region) likewise, per programme. The run selects and queues them in batches, behind new applications (a lower queue priority); a household already being verified, or waiting for a reviewer, is skipped and counted. Earlier determinations stay; each re-verification adds one. Scheduled runs (REVERIFICATION_SCHEDULE) do the same in every region for the households due under their policy’s interval.',
    }),
    ApiBody({ type: StartReverificationRunRequestDto }),
    ApiAcceptedResponse({
      type: ReverificationRunAcceptedDto,
      description: 'Accepted; the run selects and queues its households in the background.',
      headers: LOCATION,
      example: { id: RUN_ID_EXAMPLE, status: 'SELECTING' },
    }),
    ApiProblems({
      400: {
        description: 'The body is not valid; `errors` names each field.',
        errors: [
          { path: 'regionCode', message: 'regionCode must be a 6-digit region code' },
          {
            path: 'program',
            message: 'program must be one of the following values: MINIMUM_LIVING_ALLOWANCE, EXTREME_POVERTY_SUPPORT, TEMPORARY_ASSISTANCE',
          },
        ],
      },
      403: {
        description:
          'The token carries none of the roles admitted here, or the region lies outside the region of the token (`errors` names `regionCode`).',
        detail: 'The region lies outside the region of the token.',
        errors: [{ path: 'regionCode', message: "regionCode 542600 is not within the token's region 542500" }],
      },
      ...BODY_PROBLEMS,
    }),
    ApiExtraModels(ReverificationRunConflictDto),
    ApiResponse({
      status: 409,
      ...problemResponse(
        409,
        {
          description:
            'A run of this programme and region has not completed yet (`runId` names it); decided by the database, so of concurrent requests exactly one starts a run. The refusal is an audit event (outcome CONFLICT).',
          detail: `A re-verification run of MINIMUM_LIVING_ALLOWANCE in 542523 is still under way: ${RUN_ID_EXAMPLE}. Start another once it has completed.`,
          extensions: { runId: RUN_ID_EXAMPLE },
        },
        getSchemaPath(ReverificationRunConflictDto),
      ),
    }),
  );

export const GetReverificationRunDocs = () =>
  applyDecorators(
    ...COMMON,
    ApiParam({ name: 'id', description: 'The run.', schema: { type: 'string', format: 'uuid' } }),
    ApiOperation({
      summary: 'Read a re-verification run',
      description:
        'Within the region of the caller’s token: a run over a region beyond it, or a scheduled run (every region) for a token with a region claim, is not found. The run’s progress (`total` = `done` + `inReview` + `failed` + `pending` + `skipped`) and a page of the households whose outcome changed: application id, the outcome they were enrolled on and the new one; no names or identity numbers. The read is audited.',
    }),
    ApiOkResponse({ type: ReverificationRunDto, description: 'The run.' }),
    ApiProblems({
      400: {
        description: 'A query parameter is not valid, or the cursor is not one this service gave out.',
        errors: [{ path: 'limit', message: 'limit must not be greater than 100' }],
      },
      404: {
        description:
          'No such run, or one outside the caller’s region (a scheduled run covers every region: only a token without a region reaches it); the two are not told apart.',
        detail: 'The re-verification run was not found.',
      },
    }),
  );
