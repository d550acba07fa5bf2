import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { type Program, PROGRAMS } from '../../eligibility/eligibility.types.js';
import { REGISTRY_SOURCES, type RegistrySource, type SourceFailure } from '../../registries/registry.types.js';
import { DecisionOnRecordDto, DecisionResponseDto } from '../../review/dto/decision.response.dto.js';
import type { SourceCheckStatus } from '../../verification/entities/source-check.entity.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../entities/application.entity.js';
import { MemberDto } from './create-application.request.dto.js';
import { DeterminationResponseDto } from './determination.response.dto.js';

/** What `POST /v1/applications` answers. */
@ApiSchema({ name: 'ApplicationAccepted' })
export class ApplicationAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['RECEIVED'] })
  status: 'RECEIVED';
}

/** What a re-verification answers: the application and its new verification. */
@ApiSchema({ name: 'ReverificationAccepted' })
export class ReverificationAcceptedDto extends ApplicationAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'The new verification; its determination will carry this id.' })
  verificationId: string;
}

/** An application in a list: no personal data (members are read one application at a time). */
@ApiSchema({ name: 'ApplicationSummary' })
export class ApplicationSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: APPLICATION_STATUSES,
    enumName: 'ApplicationStatus',
    description: 'RECEIVED → VERIFYING → DETERMINED (ELIGIBLE or INELIGIBLE) or IN_REVIEW (NEEDS_REVIEW) → DECIDED.',
  })
  status: ApplicationStatus;

  @ApiProperty({ enum: PROGRAMS, enumName: 'Program' })
  program: Program;

  @ApiProperty({ example: '542523' })
  regionCode: string;

  @ApiProperty({ format: 'date' })
  applicationDate: string;

  @ApiProperty({ description: 'The intake staff member (a token’s `sub`).' })
  submittedBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

@ApiSchema({ name: 'ApplicationPage' })
export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationSummaryDto], description: 'Newest first.' })
  items: ApplicationSummaryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last page.' })
  nextCursor: string | null;
}

/** One registry consulted for the current verification. */
@ApiSchema({ name: 'SourceCheck' })
export class SourceCheckDto {
  @ApiProperty({ enum: REGISTRY_SOURCES, enumName: 'RegistrySource' })
  source: RegistrySource;

  @ApiProperty({ enum: ['PENDING', 'SUCCEEDED', 'FAILED'] })
  status: SourceCheckStatus;

  @ApiProperty({ type: 'integer', description: 'Calls made, the first included.' })
  attempts: number;

  @ApiProperty({ enum: ['UNAVAILABLE', 'INVALID_RESPONSE'], nullable: true, description: 'Why a FAILED check has no usable answer.' })
  failure: SourceFailure | null;

  @ApiProperty({ type: [String], description: 'The X-Request-Id of every call made.' })
  requestIds: string[];

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 (hex) of the normalised answer.' })
  answerSha256: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  durationMs: number | null;
}

/** One application with its members, its current checks and determination, and its decisions. */
@ApiSchema({ name: 'Application' })
export class ApplicationResponseDto extends ApplicationSummaryDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The current verification.' })
  verificationId: string | null;

  @ApiProperty({ type: [MemberDto], description: 'As submitted; `declaredMonthlyIncome` in yuan.' })
  members: MemberDto[];

  @ApiProperty({ type: [SourceCheckDto], description: 'One per registry.' })
  checks: SourceCheckDto[];

  @ApiProperty({
    type: () => DeterminationResponseDto,
    nullable: true,
    description: 'The newest determination; null until one is made. It is current when its verificationId is the application’s.',
  })
  determination: DeterminationResponseDto | null;

  @ApiProperty({
    type: () => DecisionResponseDto,
    nullable: true,
    description:
      'The reviewer’s decision in force: the newest, whatever determinations came after it (one that disagrees sends the case back to the queue; the decision stays in force until a reviewer decides again). Null until a reviewer decides.',
  })
  decision: DecisionResponseDto | null;

  @ApiProperty({
    type: [DecisionOnRecordDto],
    description: 'Every reviewer’s decision, oldest first, each with the verification it was made on; none is ever removed.',
  })
  decisions: DecisionOnRecordDto[];
}
