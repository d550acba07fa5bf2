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

export class ConsentDto {
  /** The reference of the signed verification authorisation (核对授权书). */
  @IsString()
  @Length(1, 64)
  @Matches(/^[\x21-\x7E]+$/, { message: '$property must be printable ASCII without spaces' })
  documentRef: string;

  @IsCalendarDate()
  signedOn: string;

  @IsIn(['SELF', 'GUARDIAN'])
  signedBy: 'SELF' | 'GUARDIAN';
}

export class MemberDto {
  @IsString()
  @Length(1, 100)
  @IsPlainText(100)
  @Matches(/\S/, { message: '$property must not be blank' })
  name: string;

  @Transform(upperCaseX)
  @IsIdNumber()
  idNumber: string;

  @IsIn(RELATIONSHIPS)
  relationship: Relationship;

  @IsYuanAmount()
  @Max(10_000_000)
  declaredMonthlyIncome: number;

  @IsDefined({ message: '$property is required: every member must have signed a verification authorisation' })
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent: ConsentDto;
}

export class CreateApplicationRequestDto {
  @IsIn(PROGRAMS)
  program: Program;

  @Matches(/^\d{6}$/, { message: '$property must be a 6-digit region code (GB/T 2260)' })
  regionCode: string;

  /** When the household applied at the township; defaults to today (Asia/Shanghai). */
  @IsOptional()
  @IsCalendarDate()
  applicationDate?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  members: MemberDto[];
}
