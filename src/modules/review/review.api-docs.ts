import { applyDecorators } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems, BODY_PROBLEMS } from '../../core/http/api-problems.decorator.js';
import { ReverificationAcceptedDto } from '../applications/dto/application.response.dto.js';
import { DecisionResponseDto } from './dto/decision.response.dto.js';
import { DecisionRequestDto, ReviewRequestDto } from './dto/review.dto.js';
import { ClaimResponseDto, ReviewPageDto, ReviewRequestedDto } from './dto/review.response.dto.js';

/** The OpenAPI description of each endpoint of `ReviewController`, one decorator per endpoint. */

const TAG = ApiTags('reviews');

const NOT_FOUND = 'No such application, or one outside the reviewer’s region: the two are not told apart.';
const FOUR_EYES = 'whoever submitted the application may not review it';

const APPLICATION_ID = ApiParam({
  name: 'applicationId',
  description: 'The application under review.',
  schema: { type: 'string', format: 'uuid' },
});

const REASON_TOO_SHORT = { path: 'reason', message: 'reason must be longer than or equal to 10 characters' };

export const ListReviewsDocs = () =>
  applyDecorators(
    TAG,
    ApiOperation({
      summary: 'List the review queue',
      description:
        'Cases in the review queue, oldest first (PENDING by default), with each case’s age, outcome and finding codes, filterable by program and region; a token’s region limits them. The read is audited.',
    }),
    ApiOkResponse({ type: ReviewPageDto, description: 'A page of the queue.' }),
    ApiProblems({
      400: {
        description: 'A query parameter is not valid, or the cursor is not one this service gave out.',
        errors: [{ path: 'status', message: 'status must be one of the following values: PENDING, DECIDED, RETURNED' }],
      },
    }),
  );

export const RequestReviewDocs = () =>
  applyDecorators(
    TAG,
    ApiOperation({
      summary: 'Pull a determined application into the queue',
      description:
        'Puts an application determined ELIGIBLE or INELIGIBLE, and not decided by a reviewer, into the review queue (after an objection, say), with the reason. A decided case comes back to the queue only when a re-verification disagrees with its decision. Refusals are audit events (outcome CONFLICT).',
    }),
    ApiBody({
      type: ReviewRequestDto,
      examples: {
        objection: {
          value: { applicationId: '1f1621d8-8240-4d08-924b-7131234024f3', reason: 'The household objected: the car was sold in 2025.' },
        },
      },
    }),
    ApiCreatedResponse({ type: ReviewRequestedDto, description: 'Queued.' }),
    ApiProblems({
      400: { description: 'The body is not valid; `errors` names each field.', errors: [REASON_TOO_SHORT] },
      ...BODY_PROBLEMS,
      404: NOT_FOUND,
      409: {
        description: 'The application is not determined ELIGIBLE or INELIGIBLE (a reviewer decided it, say), or it is already in review.',
        detail: 'Only an application determined ELIGIBLE or INELIGIBLE, and not yet in review, can be pulled into the queue.',
      },
    }),
  );

export const ClaimReviewDocs = () =>
  applyDecorators(
    TAG,
    APPLICATION_ID,
    ApiOperation({
      summary: 'Claim a case',
      description:
        'The caller takes the case for REVIEW_CLAIM_MINUTES; a decision needs such a live claim of the decider’s own. Claiming again renews one’s own claim. A refused claim is an audit event (outcome CONFLICT).',
    }),
    ApiOkResponse({ type: ClaimResponseDto, description: 'Claimed by the caller.' }),
    ApiProblems({
      404: NOT_FOUND,
      409: {
        description: `The case is not waiting for review, another reviewer holds the claim, or ${FOUR_EYES}.`,
        detail: 'Another reviewer holds the claim on this application.',
      },
    }),
  );

export const DecideReviewDocs = () =>
  applyDecorators(
    TAG,
    APPLICATION_ID,
    ApiOperation({
      summary: 'Decide a case',
      description:
        'Records the decision beside the determination it settles, never over it; the application becomes DECIDED and the decision is the one in force (earlier decisions stay on record). The caller must hold a live claim of its own (claim first; claim again once it has expired). A case whose verification failed (origin PROCESSING_FAILED) cannot be decided: send it back with reverify. A refused decision is an audit event (outcome CONFLICT).',
    }),
    ApiBody({
      type: DecisionRequestDto,
      examples: { approved: { value: { decision: 'APPROVED', reason: 'Household visited; the business was closed in 2024.' } } },
    }),
    ApiOkResponse({ type: DecisionResponseDto, description: 'The decision as recorded.' }),
    ApiProblems({
      400: { description: 'The body is not valid; `errors` names each field.', errors: [REASON_TOO_SHORT] },
      ...BODY_PROBLEMS,
      404: NOT_FOUND,
      409: {
        description: `The caller holds no live claim on the case (none, or it expired), another reviewer holds the claim, the case is not waiting for a decision (decided already, say), it has no determination, or ${FOUR_EYES}. The detail says which, for the review console to show.`,
        detail: 'Claim this application before deciding it: a decision needs a live claim of your own (POST /v1/reviews/{id}/claim).',
      },
    }),
  );

export const ReverifyReviewDocs = () =>
  applyDecorators(
    TAG,
    APPLICATION_ID,
    ApiOperation({
      summary: 'Send a case back for re-verification',
      description:
        'Instead of deciding: queues a fresh verification under the policy in force today and takes the case out of the queue. The only way out for a case whose verification failed. A reviewer may also re-verify a case a reviewer has decided (unless it submitted it): the decision stays in force, and a new determination that disagrees with it puts the case back in the queue.',
    }),
    ApiAcceptedResponse({ type: ReverificationAcceptedDto, description: 'Queued; the case left the review queue.' }),
    ApiProblems({
      404: NOT_FOUND,
      409: {
        description:
          'A verification of this application is already under way, another reviewer holds the claim on it, or the caller submitted this decided application.',
        detail: 'Another reviewer holds the claim on this application.',
      },
      422: {
        description: 'No policy version covers the application’s region today.',
        detail: 'No policy version covers region 542523 on 2026-11-28.',
      },
    }),
  );
