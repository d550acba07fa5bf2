import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { FINDING_CODES, type FindingCode, type Outcome, OUTCOMES, type Severity, SEVERITIES } from '../../eligibility/eligibility.types.js';
import { type HouseholdType, REGISTRY_SOURCES, type RegistrySource } from '../../registries/registry.types.js';

@ApiSchema({ name: 'Evidence' })
export class EvidenceDto {
  @ApiProperty({ enum: REGISTRY_SOURCES, enumName: 'RegistrySource' })
  source: RegistrySource;

  @ApiProperty({
    description: 'The registry record: householdNumber, idNumber, plateNumber or creditCode, as fits the source.',
    example: '藏F90004',
  })
  recordKey: string;
}

/** One finding of the rules engine, with the codes of POLICY.md. */
@ApiSchema({ name: 'Finding' })
export class FindingDto {
  @ApiProperty({ enum: FINDING_CODES, enumName: 'FindingCode' })
  code: FindingCode;

  @ApiProperty({ enum: SEVERITIES, enumName: 'Severity' })
  severity: Severity;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The person the finding concerns (a declared member, or an undeclared household member); null for household- or registry-level findings.',
  })
  memberIdNumber: string | null;

  @ApiProperty({
    enum: REGISTRY_SOURCES,
    enumName: 'RegistrySource',
    nullable: true,
    description: 'The registry a SOURCE_* finding concerns; null otherwise.',
  })
  source: RegistrySource | null;

  @ApiProperty({ description: 'A plain-language reason, without names or identity numbers.' })
  reason: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { description: 'A string, a number (money in integer fen), a boolean or null.' },
    description: 'The figures the rule compared, for the reader to check.',
    example: { countedVehicles: 1 },
  })
  figures: Record<string, string | number | boolean | null>;

  @ApiProperty({ type: [EvidenceDto] })
  evidence: EvidenceDto[];
}

/** The household facts of POLICY.md, money in integer fen; null where the registry needed was not available. */
@ApiSchema({ name: 'HouseholdFacts' })
export class HouseholdFactsDto {
  @ApiProperty({ type: 'integer' })
  declaredMembers: number;

  @ApiProperty({ enum: ['URBAN', 'RURAL'], enumName: 'HouseholdType', nullable: true })
  householdType: HouseholdType | null;

  @ApiProperty({ type: 'integer', nullable: true })
  householdSize: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  householdMonthlyIncomeFen: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  perCapitaMonthlyIncomeFen: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  monthlyStandardFen: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  enterpriseCapitalFen: number | null;

  @ApiProperty({ type: 'integer' })
  enterpriseCapitalAllowanceFen: number;

  @ApiPropertyOptional({
    type: 'boolean',
    enum: [true],
    description:
      'Present (true) only when the built-in sandbox registry, synthetic data, answered for at least one registry: a training deployment (REGISTRY_SANDBOX=true) or development. Never on a determination made against the real registries.',
  })
  registrySandbox?: true;
}

/** The determination of one verification: never changed; a re-verification adds another. */
@ApiSchema({ name: 'Determination' })
export class DeterminationResponseDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The verification it settles; the application’s current one when it equals `verificationId` there.',
  })
  verificationId: string;

  @ApiProperty({ enum: OUTCOMES, enumName: 'Outcome' })
  outcome: Outcome;

  @ApiProperty({ type: [FindingDto], description: 'In the order POLICY.md lists them: by code, then by identity number, none first.' })
  findings: FindingDto[];

  @ApiProperty({ description: 'The policy version applied.', example: '5425@2023-01-01' })
  policyVersion: string;

  @ApiProperty({ type: () => HouseholdFactsDto })
  facts: HouseholdFactsDto;

  @ApiProperty({ format: 'date-time' })
  determinedAt: string;
}
