import type { RegistrySource } from '../../registries/registry.types.js';
import type { Evidence, Finding } from '../eligibility.types.js';

/** A finding before the policy version gives it a severity. */
export type FindingDraft = Omit<Finding, 'severity'>;

type DraftFields = Pick<FindingDraft, 'code' | 'reason'> &
  Partial<Pick<FindingDraft, 'memberIdNumber' | 'source' | 'figures' | 'evidence'>>;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Nulls first, then by UTF-16 code units: independent of locale and of input order. */
export function compareNullableText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return compareText(a.source, b.source) || compareText(a.recordKey, b.recordKey);
}

export function draft({ code, reason, memberIdNumber = null, source = null, figures = {}, evidence = [] }: DraftFields): FindingDraft {
  const sorted = [...evidence].sort(compareEvidence);
  const unique = sorted.filter((item, index) => index === 0 || compareEvidence(sorted[index - 1], item) !== 0);
  return { code, memberIdNumber, source, reason, figures, evidence: unique };
}

/** Where a finding's evidence is: the registry and the key of the record there. */
export function pointer(source: RegistrySource, recordKey: string): Evidence {
  return { source, recordKey };
}
