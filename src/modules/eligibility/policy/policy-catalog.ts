import data from './policy-versions.json' with { type: 'json' };
import type { PolicyDocument, PolicyVersion } from './policy-version.types.js';
import { deepFreeze } from '../../../core/json/deep-freeze.js';
import { isCalendarDate } from '../../../core/time/calendar-date.js';
import { validatePolicyVersions } from './policy-version.validation.js';

/**
 * The policy versions of POLICY.md, validated once at construction. Versions are copied and
 * frozen so that a determination's policy cannot change under it after it was selected.
 */
export class PolicyCatalog {
  private readonly versions: readonly PolicyVersion[];

  /** The versions shipped in `policy-versions.json`. The JSON import widens their literal types; construction checks them instead. */
  static shipped(): PolicyCatalog {
    return new PolicyCatalog((data as PolicyDocument).versions);
  }

  constructor(versions: readonly PolicyVersion[]) {
    validatePolicyVersions(versions);
    this.versions = deepFreeze(structuredClone(versions));
  }

  /**
   * The version whose region prefix is the longest prefix of `regionCode` among those whose
   * inclusive range contains `applicationDate` (YYYY-MM-DD); null when none does.
   */
  select(regionCode: string, applicationDate: string): PolicyVersion | null {
    if (!isCalendarDate(applicationDate)) {
      throw new RangeError(`application date must be YYYY-MM-DD, got "${applicationDate}"`);
    }
    let best: PolicyVersion | null = null;
    for (const version of this.versions) {
      const applies =
        regionCode.startsWith(version.regionPrefix) &&
        version.effectiveFrom <= applicationDate &&
        (version.effectiveTo === null || applicationDate <= version.effectiveTo);
      if (applies && (best === null || version.regionPrefix.length > best.regionPrefix.length)) {
        best = version;
      }
    }
    return best;
  }

  /** Every version whose inclusive range contains `date` (YYYY-MM-DD): at most one per region prefix. */
  inForce(date: string): readonly PolicyVersion[] {
    if (!isCalendarDate(date)) throw new RangeError(`date must be YYYY-MM-DD, got "${date}"`);
    return this.versions.filter(
      (version) => version.effectiveFrom <= date && (version.effectiveTo === null || date <= version.effectiveTo),
    );
  }

  get(id: string): PolicyVersion | undefined {
    return this.versions.find((version) => version.id === id);
  }
}
