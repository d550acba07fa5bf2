import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  ValidateNested,
} from 'class-validator';
import { normaliseIdNumber } from '../../../core/identity/id-number.js';
import { IsCalendarDate, IsIdNumber, IsPlainText, IsYuanAmount } from '../../../core/validation/validators.js';
import { type Program, PROGRAMS } from '../../eligibility/eligibility.types.js';
import { type Relationship, RELATIONSHIPS } from '../../registries/registry.types.js';

const upperCaseX = ({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseIdNumber(value) : value);

@ApiSchema({ name: 'Consent' })
export class ConsentDto {
  /** The reference of the signed verification authorisation (核对授权书). */
  @ApiProperty({
    description: 'The reference of the signed verification authorisation (核对授权书); printable ASCII, no spaces.',
    minLength: 1,
    maxLength: 64,
    pattern: '^[\\x21-\\x7E]+$',
    example: 'AUTH-2026-900001',
  })
  @IsString()
  @Length(1, 64)
  @Matches(/^[\x21-\x7E]+$/, { message: '$property must be printable ASCII without spaces' })
  documentRef: string;

  @ApiProperty({ format: 'date', description: 'When it was signed (YYYY-MM-DD); not after today.', example: '2026-11-16' })
  @IsCalendarDate()
  signedOn: string;

  @ApiProperty({
    enum: ['SELF', 'GUARDIAN'],
    description: 'Signed by the member, or by a guardian for a minor or an incapacitated member.',
  })
  @IsIn(['SELF', 'GUARDIAN'])
  signedBy: 'SELF' | 'GUARDIAN';
}

@ApiSchema({ name: 'Member' })
export class MemberDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'The name as registered; no control characters.', example: '测试户主01' })
  @IsString()
  @Length(1, 100)
  @IsPlainText(100)
  @Matches(/\S/, { message: '$property must not be blank' })
  name: string;

  @ApiProperty({
    pattern: '^\\d{17}[\\dXx]$',
    description:
      'Resident identity number (GB 11643): valid check character and birth date; a lower-case x is stored upper-case. Unique within the application.',
    example: '542523197804129012',
  })
  @Transform(upperCaseX)
  @IsIdNumber()
  idNumber: string;

  @ApiProperty({
    enum: RELATIONSHIPS,
    enumName: 'Relationship',
    description: 'Relationship to the head of household; exactly one member is HEAD.',
  })
  @IsIn(RELATIONSHIPS)
  relationship: Relationship;

  @ApiProperty({
    minimum: 0,
    maximum: 10_000_000,
    description: 'Declared monthly income in yuan, at most two decimals.',
    example: 1200,
  })
  @IsYuanAmount()
  @Max(10_000_000)
  declaredMonthlyIncome: number;

  @ApiProperty({
    type: () => ConsentDto,
    description: 'The signed verification authorisation that allows the registries to be consulted; required for every member.',
  })
  @IsDefined({ message: '$property is required: every member must have signed a verification authorisation' })
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent: ConsentDto;
}

@ApiSchema({ name: 'ApplicationRequest' })
export class CreateApplicationRequestDto {
  @ApiProperty({ enum: PROGRAMS, enumName: 'Program' })
  @IsIn(PROGRAMS)
  program: Program;

  @ApiProperty({ pattern: '^\\d{6}$', description: 'County code (GB/T 2260).', example: '542523' })
  @Matches(/^\d{6}$/, { message: '$property must be a 6-digit region code (GB/T 2260)' })
  regionCode: string;

  /** When the household applied at the township; defaults to today (Asia/Shanghai). */
  @ApiPropertyOptional({
    format: 'date',
    description:
      'When the household applied at the township (YYYY-MM-DD); not in the future; defaults to today (Asia/Shanghai). It picks the policy version.',
    example: '2026-11-16',
  })
  @IsOptional()
  @IsCalendarDate()
  applicationDate?: string;

  @ApiProperty({
    type: [MemberDto],
    minItems: 1,
    maxItems: 30,
    description: 'The household as declared: 1 to 30 members, exactly one HEAD.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  members: MemberDto[];
}
