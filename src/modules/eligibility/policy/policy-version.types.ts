import type { HouseholdType } from '../../registries/registry.types.js';
import type { FindingCode, Program, Severity } from '../eligibility.types.js';
import type { RegistryPolicy } from '../registry-rules.js';

export const STANDARD_PERIODS = ['MONTH', 'YEAR'] as const;
export type StandardPeriod = (typeof STANDARD_PERIODS)[number];

/** An assistance standard per person, in yuan as exact decimal text. */
export interface AssistanceStandard {
  readonly amount: string;
  readonly period: StandardPeriod;
}

export interface ProgramPolicy {
  /** Per registry household type; null where the programme has no income test (临时救助). */
  readonly standards: Readonly<Record<HouseholdType, AssistanceStandard>> | null;
  /** Yuan as exact decimal text; enterprise capital above it is a finding. */
  readonly enterpriseCapitalAllowance: string;
  /** Any legal-representative or shareholder role in an active enterprise is a finding whatever the capital (特困). */
  readonly anyEnterpriseRoleCounts: boolean;
  /** Every code the programme can raise; INCOME_ABOVE_STANDARD only where there are standards. */
  readonly severities: Readonly<Partial<Record<FindingCode, Severity>>>;
  /**
   * Whole months between periodic re-verifications of an enrolled household (6: half-yearly);
   * absent: DEFAULT_REVERIFICATION_INTERVAL_MONTHS. Not an eligibility rule: the engine ignores it.
   */
  readonly reverificationIntervalMonths?: number;
}

/** Enrolled households are re-verified yearly unless the programme's policy says otherwise. */
export const DEFAULT_REVERIFICATION_INTERVAL_MONTHS = 12;

/** The programme's re-verification interval in months. */
export function reverificationIntervalMonths(program: ProgramPolicy): number {
  return program.reverificationIntervalMonths ?? DEFAULT_REVERIFICATION_INTERVAL_MONTHS;
}

/** One set of POLICY.md parameters for a region prefix and an inclusive date range. */
export interface PolicyVersion {
  /** Stable and stored with every determination: `<regionPrefix or "national">@<effectiveFrom>`. */
  readonly id: string;
  readonly description: string;
  /** GB/T 2260 code prefix; "" is the national fallback. */
  readonly regionPrefix: string;
  /** Calendar dates (Asia/Shanghai) as YYYY-MM-DD, both inclusive; a null end is open. */
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  /** Vehicle class letters (first letter of `vehicleType`) that are never counted. */
  readonly exemptVehicleClasses: readonly string[];
  readonly programs: Readonly<Record<Program, ProgramPolicy>>;
  /**
   * The thresholds and severities of registries added as plugins, by source, in force with this
   * version; a registry not named here uses its plugin's own (RegistryRules.policy).
   */
  readonly registries?: Readonly<Record<string, RegistryPolicy>>;
}

/** The shape of `policy-versions.json`. */
export interface PolicyDocument {
  readonly versions: readonly PolicyVersion[];
}
