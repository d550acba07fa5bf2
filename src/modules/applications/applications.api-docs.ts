import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems, BODY_PROBLEMS } from '../../core/http/api-problems.decorator.js';
import {
  APPLICATION_BODY_EXAMPLES,
  APPLICATION_EXAMPLE,
  APPLICATION_ID_EXAMPLE,
  DECIDED_APPLICATION_EXAMPLE,
  INELIGIBLE_DETERMINATION_EXAMPLE,
} from './applications.api-examples.js';
import {
  ApplicationAcceptedDto,
  ApplicationPageDto,
  ApplicationResponseDto,
  ReverificationAcceptedDto,
} from './dto/application.response.dto.js';
import { RevealedIdNumberResponseDto } from './dto/revealed-id-number.response.dto.js';
import { CreateApplicationRequestDto } from './dto/create-application.request.dto.js';

/** The OpenAPI description of each endpoint of `ApplicationsController`, one decorator per endpoint. */

const TAG = ApiTags('applications');

const NOT_FOUND =
  'No such application, or one outside the caller’s reach (another intake’s submission, another region): the two are not told apart.';

const LOCATION = {
  Location: {
    description: 'The application: `/v1/applications/{id}`.',
    schema: { type: 'string', example: `/v1/applications/${APPLICATION_ID_EXAMPLE}` },
  },
};

const APPLICATION_ID = ApiParam({ name: 'id', description: 'The application.', schema: { type: 'string', format: 'uuid' } });

export const SubmitApplicationDocs = () =>
  applyDecorators(
    TAG,
    ApiOperation({
      summary: 'Submit an application',
      description:
        'Validates the household (its `regionCode` within the token’s `region`, if it has one), picks the policy version (the longest region prefix whose dates cover `applicationDate`), stores the application with its first verification and queues the registry checks. Unknown fields are refused, not ignored.',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        '1 to 200 printable ASCII characters, per submitting staff member. A repeat with the same body answers as the first time and creates nothing; with another body, 422.',
      schema: { type: 'string', pattern: '^[\\x21-\\x7E]{1,200}$', example: 'walkthrough-1' },
    }),
    ApiBody({ type: CreateApplicationRequestDto, examples: APPLICATION_BODY_EXAMPLES }),
    ApiAcceptedResponse({
      type: ApplicationAcceptedDto,
      description: 'Accepted; the verification runs in the background.',
      headers: LOCATION,
      example: { id: APPLICATION_ID_EXAMPLE, status: 'RECEIVED' },
    }),
    ApiProblems({
      400: {
        description: 'The body (or the Idempotency-Key header) is not valid; `errors` names each field, in the body’s own terms.',
        errors: [
          { path: 'members', message: 'members must have exactly one HEAD; found 2' },
          {
            path: 'members[1].idNumber',
            message: 'members[1].idNumber is not a valid resident identity number: the check character is wrong',
          },
        ],
      },
      403: {
        description:
          'The token carries none of the roles admitted here (intake, admin), or its `region` does not cover `regionCode`: a token’s region holds for submissions as for reads, an Idempotency-Key repeat included. Nothing is stored.',
        detail: 'The application’s region lies outside the region of the token.',
        errors: [{ path: 'regionCode', message: "regionCode 542523 is not within the token's region 542521" }],
      },
      ...BODY_PROBLEMS,
      422: 'No policy version covers the region on the application date, or the Idempotency-Key was already used with another body.',
    }),
  );

export const ListApplicationsDocs = () =>
  applyDecorators(
    TAG,
    ApiOperation({
      summary: 'List applications',
      description:
        'Newest first, filtered by status, program and region; intake staff see only what they submitted, and a token’s region limits every role. Items carry no personal data.',
    }),
    ApiOkResponse({ type: ApplicationPageDto, description: 'A page of applications.' }),
    ApiProblems({
      400: {
        description: 'A query parameter is not valid, or the cursor is not one this service gave out.',
        errors: [{ path: 'limit', message: 'limit must not be greater than 100' }],
      },
    }),
  );

export const GetApplicationDocs = () =>
  applyDecorators(
    TAG,
    APPLICATION_ID,
    ApiOperation({
      summary: 'Read an application',
      description:
        'The application with its members, one check per registry for the current verification, the newest determination (with findings, facts in integer fen and the policy version), the reviewer’s decision in force (`decision`, the newest) and every decision on record (`decisions`, oldest first, each with the verification it was made on). The read is audited.',
    }),
    ApiOkResponse({
      type: ApplicationResponseDto,
      description: 'The application.',
      examples: {
        eligible: { summary: 'The first sandbox case, determined ELIGIBLE', value: APPLICATION_EXAMPLE },
        ineligible: {
          summary: 'A household whose members own vehicles (sandbox case vehicle-seized-and-mortgaged): its determination',
          value: { ...APPLICATION_EXAMPLE, determination: INELIGIBLE_DETERMINATION_EXAMPLE },
        },
        decided: {
          summary: 'Rejected by a reviewer after an objection: the decision in force and on record',
          value: DECIDED_APPLICATION_EXAMPLE,
        },
      },
    }),
    ApiProblems({
      400: {
        description: 'A query parameter is not valid.',
        errors: [{ path: 'idNumbers', message: 'idNumbers must be one of the following values: full, masked' }],
      },
      404: NOT_FOUND,
    }),
  );

export const RevealIdNumberDocs = () =>
  applyDecorators(
    TAG,
    APPLICATION_ID,
    ApiParam({
      name: 'memberIndex',
      description: 'The member’s place in `members`, from 0.',
      schema: { type: 'integer', minimum: 0, maximum: 29 },
    }),
    ApiOperation({
      summary: 'Reveal a member’s identity number',
      description:
        'The full identity number of one member, for whoever may read the application (with `idNumbers=masked` the application shows only the last four characters). Each reveal is an audit event of its own, `ID_NUMBER_REVEALED`, naming the application and never the number.',
    }),
    ApiOkResponse({
      type: RevealedIdNumberResponseDto,
      description: 'The member’s identity number.',
      example: { idNumber: APPLICATION_EXAMPLE.members[0].idNumber },
    }),
    ApiProblems({ 404: `${NOT_FOUND} Also when the application has no member at that place.` }),
  );

export const ReverifyApplicationDocs = () =>
  applyDecorators(
    TAG,
    APPLICATION_ID,
    ApiOperation({
      summary: 'Re-verify an application',
      description:
        'Queues a fresh verification of the same household under the policy in force today; earlier determinations stay and the newest is current. A case waiting for review leaves the queue (unless another reviewer holds its claim). Once a reviewer has decided, only a reviewer of the region or an admin, other than the submitter, may ask (intake gets 409); the decision stays in force: a new determination that agrees with it (ELIGIBLE with APPROVED, INELIGIBLE with REJECTED) leaves the case DECIDED, any other puts it back in the review queue until a reviewer decides again. The VERIFICATION_REQUESTED audit event names who asked, and under which role.',
    }),
    ApiAcceptedResponse({
      type: ReverificationAcceptedDto,
      description: 'Queued; the new verification runs in the background.',
      headers: LOCATION,
    }),
    ApiProblems({
      404: NOT_FOUND,
      409: {
        description:
          'A reviewer’s decision stands and the caller is intake staff (or the submitter), a verification of this application is already under way, or another reviewer holds the claim on it.',
        detail:
          'A reviewer’s decision stands on this application: only a reviewer of its region or an admin, other than its submitter, may ask for a re-verification.',
      },
      422: {
        description: 'No policy version covers the application’s region today.',
        detail: 'No policy version covers region 542523 on 2026-11-28.',
      },
    }),
  );
