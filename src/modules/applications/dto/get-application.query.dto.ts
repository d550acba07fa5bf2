import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const ID_NUMBER_VIEWS = ['full', 'masked'] as const;
export type IdNumberView = (typeof ID_NUMBER_VIEWS)[number];

export class GetApplicationQueryDto {
  @ApiPropertyOptional({
    enum: ID_NUMBER_VIEWS,
    default: 'full',
    description:
      '`masked`: every identity number (members’, findings’ `memberIdNumber`, evidence keyed by one) shows only its last four characters, the rest `*`; one is revealed by `GET /v1/applications/{id}/members/{memberIndex}/id-number`. `full` (the default): as stored.',
  })
  @IsOptional()
  @IsIn(ID_NUMBER_VIEWS)
  idNumbers?: IdNumberView;
}
