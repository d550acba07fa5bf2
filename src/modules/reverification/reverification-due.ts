import { shanghaiDate } from '../../core/time/clock.js';
import type { Program } from '../eligibility/eligibility.types.js';
import type { PolicyCatalog } from '../eligibility/policy/policy-catalog.js';
import { reverificationIntervalMonths } from '../eligibility/policy/policy-version.types.js';

/**
 * When the households of one policy version's regions are due: a household whose region code
 * starts with `regionPrefix` but with none of `exceptPrefixes` (regions a more specific version
 * governs) is due once its last verification was requested before `verifiedBefore`.
 */
export interface DueRule {
  policyVersion: string;
  regionPrefix: string;
  exceptPrefixes: string[];
  intervalMonths: number;
  /** ISO 8601 UTC, comparable as text with the stored timestamps. */
  verifiedBefore: string;
}

/**
 * One rule per policy version in force on `asOf`'s date (Asia/Shanghai), each with its
 * programme's interval: the same version that a re-verification would be made under decides
 * how often it is due. Regions no version covers are never due.
 */
export function dueRules(catalog: PolicyCatalog, program: Program, asOf: Date): DueRule[] {
  const versions = catalog.inForce(shanghaiDate(asOf));
  return versions.map((version) => {
    const intervalMonths = reverificationIntervalMonths(version.programs[program]);
    return {
      policyVersion: version.id,
      regionPrefix: version.regionPrefix,
      exceptPrefixes: versions
        .map((other) => other.regionPrefix)
        .filter((prefix) => prefix.length > version.regionPrefix.length && prefix.startsWith(version.regionPrefix)),
      intervalMonths,
      verifiedBefore: monthsBefore(asOf, intervalMonths).toISOString(),
    };
  });
}

/** The same time of day `months` calendar months earlier, on the month's last day when the day does not exist (31 March → 28/29 February). */
export function monthsBefore(at: Date, months: number): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(at.getUTCDate(), lastDay),
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds(),
    ),
  );
}
