import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { type Program, PROGRAMS } from '../../eligibility/eligibility.types.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../entities/application.entity.js';

export class ListApplicationsQueryDto {
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @IsOptional()
  @IsIn(PROGRAMS)
  program?: Program;

  /** A county code, or a prefecture/province code covering its counties. */
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '$property must be a 6-digit region code' })
  regionCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}
