import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../applications/entities/application.entity.js';
import { FINDING_CODES, type FindingCode, type Outcome, OUTCOMES, type Program, PROGRAMS } from '../../eligibility/eligibility.types.js';
import { REVIEW_ORIGINS, type ReviewItemStatus, type ReviewOrigin } from '../entities/review-item.entity.js';

const REVIEW_STATUSES = ['PENDING', 'DECIDED', 'RETURNED'];

/** A case in the review queue. */
@ApiSchema({ name: 'ReviewItem' })
export class ReviewItemResponseDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;

  @ApiProperty({ enum: PROGRAMS, enumName: 'Program' })
  program: Program;

  @ApiProperty({ example: '542521' })
  regionCode: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  applicationStatus: ApplicationStatus;

  @ApiProperty({ enum: REVIEW_STATUSES, enumName: 'ReviewStatus' })
  reviewStatus: ReviewItemStatus;

  @ApiProperty({
    enum: REVIEW_ORIGINS,
    description:
      'DETERMINATION: the outcome was NEEDS_REVIEW; REQUESTED: a reviewer pulled a determined case in; PROCESSING_FAILED: the verification failed for good and there is no outcome (send it back with reverify); DECISION_CONTRADICTED: a re-verification came out against the decision in force (ELIGIBLE against REJECTED, INELIGIBLE against APPROVED), which stays in force until a reviewer decides again.',
  })
  origin: ReviewOrigin;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was pulled in (REQUESTED), or what failed (PROCESSING_FAILED).' })
  requestReason: string | null;

  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome', nullable: true })
  outcome: Outcome | null;

  @ApiProperty({
    enum: FINDING_CODES,
    enumName: 'FindingCode',
    isArray: true,
    description: 'The determination’s finding codes, each once.',
  })
  findingCodes: FindingCode[];

  @ApiProperty({ format: 'date-time' })
  queuedAt: string;

  @ApiProperty({ type: 'integer', description: 'Seconds since it was queued.' })
  ageSeconds: number;

  @ApiProperty({ type: String, nullable: true, description: 'Who holds the claim while it holds; null otherwise.' })
  claimedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  claimExpiresAt: string | null;
}

@ApiSchema({ name: 'ReviewPage' })
export class ReviewPageDto {
  @ApiProperty({ type: [ReviewItemResponseDto], description: 'Oldest first.' })
  items: ReviewItemResponseDto[];

  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last page.' })
  nextCursor: string | null;
}

/** What pulling a determined application into the queue answers. */
@ApiSchema({ name: 'ReviewRequested' })
export class ReviewRequestedDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;

  @ApiProperty({ enum: ['PENDING'] })
  status: ReviewItemStatus;

  @ApiProperty({ format: 'date-time' })
  queuedAt: string;
}

@ApiSchema({ name: 'Claim' })
export class ClaimResponseDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;

  @ApiProperty({ description: 'The caller (its token’s `sub`).' })
  claimedBy: string;

  @ApiProperty({ format: 'date-time', description: 'Until when the claim holds (REVIEW_CLAIM_MINUTES).' })
  claimExpiresAt: string;
}
