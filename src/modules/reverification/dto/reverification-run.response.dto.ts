import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../../../core/errors/problem-details.dto.js';
import { OUTCOMES, type Outcome, type Program, PROGRAMS } from '../../eligibility/eligibility.types.js';
import type { ReverificationTrigger } from '../entities/reverification-run.entity.js';
import { RUN_STATUSES, type RunStatus } from '../reverification-run.view.js';

/** What `POST /v1/reverification-runs` answers. */
@ApiSchema({ name: 'ReverificationRunAccepted' })
export class ReverificationRunAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['SELECTING'] })
  status: 'SELECTING';
}

/** A household whose re-verification came out other than the determination it was enrolled on; no personal data. */
@ApiSchema({ name: 'ReverificationRunChange' })
export class ReverificationRunChangeDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;

  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome', description: 'The outcome of the determination the household was enrolled on.' })
  previousOutcome: Outcome;

  @ApiProperty({
    enum: ['APPROVED'],
    nullable: true,
    description: 'APPROVED when a reviewer’s decision enrolled it (after NEEDS_REVIEW, say); null when the determination did.',
  })
  previousDecision: 'APPROVED' | null;

  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome', description: 'The outcome of the run’s re-verification.' })
  newOutcome: Outcome;

  @ApiProperty({ type: String, format: 'date-time' })
  determinedAt: string;
}

@ApiSchema({ name: 'ReverificationRunChangePage' })
export class ReverificationRunChangePageDto {
  @ApiProperty({ type: [ReverificationRunChangeDto] })
  items: ReverificationRunChangeDto[];

  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last page.' })
  nextCursor: string | null;
}

/** A run's progress and its report. `total` = `done` + `inReview` + `failed` + `pending` + `skipped`. */
@ApiSchema({ name: 'ReverificationRun' })
export class ReverificationRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: PROGRAMS, enumName: 'Program' })
  program: Program;

  @ApiProperty({
    type: String,
    pattern: '^\\d{6}$',
    nullable: true,
    description: 'The region it covers; null for a scheduled run, which covers every region.',
  })
  regionCode: string | null;

  @ApiProperty({
    enum: ['REQUEST', 'SCHEDULE'],
    description: 'REQUEST: every enrolled household of the region; SCHEDULE: only those due under their policy’s interval.',
  })
  trigger: ReverificationTrigger;

  @ApiProperty({ description: 'The staff member who asked for it (`sub`), or `system` for a scheduled run.' })
  requestedBy: string;

  @ApiProperty({
    enum: RUN_STATUSES,
    description:
      'SELECTING: households are still being selected and queued; VERIFYING: all are queued, some not determined yet; COMPLETED: none pending.',
  })
  status: RunStatus;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the last household was selected and queued.' })
  selectedAt: string | null;

  @ApiProperty({ type: 'integer', description: 'Enrolled households the run took up so far.' })
  total: number;

  @ApiProperty({ type: 'integer', description: 'Re-verified and determined ELIGIBLE or INELIGIBLE.' })
  done: number;

  @ApiProperty({ type: 'integer', description: 'Re-verified and determined NEEDS_REVIEW: in the review queue.' })
  inReview: number;

  @ApiProperty({
    type: 'integer',
    description: 'Re-verifications whose processing failed for good: in the review queue without a determination.',
  })
  failed: number;

  @ApiProperty({ type: 'integer', description: 'Queued, not determined yet.' })
  pending: number;

  @ApiProperty({
    type: 'integer',
    description: 'Left alone: already being verified, or waiting for a reviewer, when the run came to them.',
  })
  skipped: number;

  @ApiProperty({
    type: ReverificationRunChangePageDto,
    description: 'The households whose outcome changed, by application id, a page at a time (`cursor`, `limit`).',
  })
  changes: ReverificationRunChangePageDto;
}

/** A run refused because its programme and region already have one under way: the problem names it. */
@ApiSchema({ name: 'ReverificationRunConflict' })
export class ReverificationRunConflictDto extends ProblemDetailsDto {
  @ApiProperty({ format: 'uuid', description: 'The run still under way (`GET /v1/reverification-runs/{runId}`).' })
  runId: string;
}
