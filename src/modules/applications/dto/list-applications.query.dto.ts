import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../../core/http/page-query.dto.js';
import { type Program, PROGRAMS } from '../../eligibility/eligibility.types.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../entities/application.entity.js';

export class ListApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ enum: PROGRAMS, enumName: 'Program' })
  @IsOptional()
  @IsIn(PROGRAMS)
  program?: Program;

  /** A county code, or a prefecture/province code covering its counties. */
  @ApiPropertyOptional({
    pattern: '^\\d{6}$',
    description: 'A county code, or a prefecture or province code covering its counties (542500, 540000).',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '$property must be a 6-digit region code' })
  regionCode?: string;
}
