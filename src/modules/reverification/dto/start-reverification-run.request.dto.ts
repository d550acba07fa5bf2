import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { type Program, PROGRAMS } from '../../eligibility/eligibility.types.js';

@ApiSchema({ name: 'ReverificationRunRequest' })
export class StartReverificationRunRequestDto {
  @ApiProperty({
    pattern: '^\\d{6}$',
    description: 'The region whose enrolled households are re-verified: a county code exactly, a prefecture or province code by prefix.',
    example: '542523',
  })
  @Matches(/^\d{6}$/, { message: '$property must be a 6-digit region code' })
  regionCode: string;

  @ApiProperty({ enum: PROGRAMS, enumName: 'Program', example: 'MINIMUM_LIVING_ALLOWANCE' })
  @IsIn(PROGRAMS)
  program: Program;
}
