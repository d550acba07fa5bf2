import type { HouseholdType, RegistryAnswers, RegistrySource, Relationship, SourceOutcome } from '../registries/registry.types.js';

export const PROGRAMS = ['MINIMUM_LIVING_ALLOWANCE', 'EXTREME_POVERTY_SUPPORT', 'TEMPORARY_ASSISTANCE'] as const;
export type Program = (typeof PROGRAMS)[number];

export const SEVERITIES = ['DISQUALIFYING', 'REVIEW', 'INFO'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const OUTCOMES = ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const FINDING_CODES = [
  'BUSINESS_ENTERPRISE_ROLE',
  'BUSINESS_INDIVIDUAL_ACTIVE',
  'HOUSEHOLD_MEMBERS_UNDECLARED',
  'HOUSEHOLD_MEMBER_DECEASED',
  'HOUSEHOLD_MEMBER_NOT_ACTIVE',
  'HOUSEHOLD_MEMBER_NOT_FOUND',
  'HOUSEHOLD_NAME_MISMATCH',
  'HOUSEHOLD_OUTSIDE_REGION',
  'HOUSEHOLD_RELATIONSHIP_MISMATCH',
  'HOUSEHOLD_SPLIT',
  'INCOME_ABOVE_STANDARD',
  'SOURCE_INVALID_RESPONSE',
  'SOURCE_UNAVAILABLE',
  'VEHICLE_OWNED',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** A member as the application declares them; money in integer fen. */
export interface DeclaredMember {
  idNumber: string;
  name: string;
  relationship: Relationship;
  declaredMonthlyIncomeFen: number;
}

/** Everything the rules engine needs: the application and what each registry said. */
export interface EvaluationInput {
  program: Program;
  regionCode: string;
  members: DeclaredMember[];
  /** Every built-in registry's outcome; those of the registries added as plugins are beside them, under their source names. */
  sources: { [S in RegistrySource]: SourceOutcome<RegistryAnswers[S]> };
  /** True when the built-in sandbox, not a real registry, answered at least one source: the facts then say so. */
  registrySandbox?: boolean;
}

/** A pointer to the registry record a finding rests on. */
export interface Evidence {
  source: RegistrySource;
  /** householdNumber, idNumber, plateNumber or creditCode, as fits the source. */
  recordKey: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The person the finding concerns (a declared member, or an undeclared household member); null for household- or registry-level findings. */
  memberIdNumber: string | null;
  /** The registry a SOURCE_* finding concerns; null otherwise. */
  source: RegistrySource | null;
  /** A plain-language reason, without names or identity numbers. */
  reason: string;
  /** The figures the rule compared (money in fen), for the reader to check. */
  figures: Record<string, string | number | boolean | null>;
  evidence: Evidence[];
}

/** The household facts of POLICY.md; null where the registry needed was not available. */
export interface HouseholdFacts {
  declaredMembers: number;
  householdType: HouseholdType | null;
  householdSize: number | null;
  householdMonthlyIncomeFen: number | null;
  perCapitaMonthlyIncomeFen: number | null;
  monthlyStandardFen: number | null;
  enterpriseCapitalFen: number | null;
  enterpriseCapitalAllowanceFen: number;
  /** Present, and true, only when the sandbox answered for a registry: the evaluation rests on synthetic data (training deployments, development). */
  registrySandbox?: true;
}

export interface Evaluation {
  outcome: Outcome;
  policyVersion: string;
  findings: Finding[];
  facts: HouseholdFacts;
}
