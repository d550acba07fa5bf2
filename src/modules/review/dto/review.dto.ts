import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import { type Program, PROGRAMS } from '../../eligibility/eligibility.types.js';
import type { DecisionValue } from '../entities/decision.entity.js';
import type { ReviewItemStatus } from '../entities/review-item.entity.js';

const REASON = { min: 10, max: 2000 };
/** A reason is measured without the blanks around it, so that spaces alone never pass for one. */
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ListReviewsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['PENDING', 'DECIDED', 'RETURNED'])
  status: ReviewItemStatus = 'PENDING';

  @IsOptional()
  @IsIn(PROGRAMS)
  program?: Program;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: '$property must be a 6-digit region code' })
  regionCode?: string;
}

export class DecisionRequestDto {
  @IsIn(['APPROVED', 'REJECTED'])
  decision: DecisionValue;

  /** Why, in at least a short sentence: it is what the household and an auditor will read. */
  @Transform(trimmed)
  @IsString()
  @MinLength(REASON.min)
  @MaxLength(REASON.max)
  reason: string;
}

export class ReviewRequestDto {
  @IsUUID()
  applicationId: string;

  /** Why a determined case is pulled back for a reviewer (an objection by the household, say). */
  @Transform(trimmed)
  @IsString()
  @MinLength(REASON.min)
  @MaxLength(REASON.max)
  reason: string;
}
