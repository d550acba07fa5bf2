import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
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
  @ApiPropertyOptional({ enum: ['PENDING', 'DECIDED', 'RETURNED'], enumName: 'ReviewStatus', default: 'PENDING' })
  @IsOptional()
  @IsIn(['PENDING', 'DECIDED', 'RETURNED'])
  status: ReviewItemStatus = 'PENDING';

  @ApiPropertyOptional({ enum: PROGRAMS, enumName: 'Program' })
  @IsOptional()
  @IsIn(PROGRAMS)
  program?: Program;

  @ApiPropertyOptional({
    pattern: '^\\d{6}$',
    description: 'A county code, or a prefecture or province code covering its counties.',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '$property must be a 6-digit region code' })
  regionCode?: string;
}

@ApiSchema({ name: 'DecisionRequest' })
export class DecisionRequestDto {
  @ApiProperty({ enum: ['APPROVED', 'REJECTED'], enumName: 'DecisionValue' })
  @IsIn(['APPROVED', 'REJECTED'])
  decision: DecisionValue;

  /** Why, in at least a short sentence: it is what the household and an auditor will read. */
  @ApiProperty({
    minLength: REASON.min,
    maxLength: REASON.max,
    description: 'Why, in at least a short sentence (measured without surrounding blanks): what the household and an auditor will read.',
    example: 'Household visited; the business was closed in 2024.',
  })
  @Transform(trimmed)
  @IsString()
  @MinLength(REASON.min)
  @MaxLength(REASON.max)
  reason: string;
}

@ApiSchema({ name: 'ReviewRequest' })
export class ReviewRequestDto {
  @ApiProperty({ format: 'uuid', description: 'An application determined ELIGIBLE or INELIGIBLE, not in review.' })
  @IsUUID()
  applicationId: string;

  /** Why a determined case is pulled back for a reviewer (an objection by the household, say). */
  @ApiProperty({
    minLength: REASON.min,
    maxLength: REASON.max,
    description: 'Why the case is pulled back for a reviewer (an objection by the household, say); measured without surrounding blanks.',
    example: 'The household objected: the car was sold in 2025.',
  })
  @Transform(trimmed)
  @IsString()
  @MinLength(REASON.min)
  @MaxLength(REASON.max)
  reason: string;
}
