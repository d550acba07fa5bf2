import { SANDBOX_CASES } from '../../../src/modules/registries/sandbox/sandbox-cases.js';
import type { SettledApplication } from './invariants.js';
import type { AcceptedSubmission } from './load.js';

const CASES = new Map(SANDBOX_CASES.map((sandboxCase) => [sandboxCase.key, sandboxCase]));
const FINDING_OF_FAILURE: Record<string, string> = { UNAVAILABLE: 'SOURCE_UNAVAILABLE', INVALID_RESPONSE: 'SOURCE_INVALID_RESPONSE' };

/** The household check makes two calls (persons, then the head's household); the others one. */
const callsOf = (source: string) => (source === 'HOUSEHOLD_REGISTRATION' ? 2 : 1);

const essentials = ({ code, severity, memberIdNumber }: { code: string; severity: string; memberIdNumber?: string | null }) => ({
  code,
  severity,
  memberIdNumber: memberIdNumber ?? null,
});

export interface EvidenceVerdict {
  /** Every check succeeded and the determination is the one worked out by hand for the sandbox case. */
  asExpected: number;
  /** A check failed and the application went to review with a SOURCE_* finding for that registry. */
  reviewedForFailedSource: number;
  /** Checks that failed, that certainly retried a call, and that the open circuit failed at once. */
  failedChecks: number;
  retriedChecks: number;
  fastFailedChecks: number;
  violations: string[];
}

/**
 * No determination on missing evidence: an application whose check of some registry failed
 * must be NEEDS_REVIEW with the SOURCE_* finding of that registry; one whose checks all
 * succeeded must come out exactly as its sandbox case expects.
 */
export function judgeEvidence(accepted: readonly AcceptedSubmission[], applications: Map<string, SettledApplication>): EvidenceVerdict {
  const verdict: EvidenceVerdict = {
    asExpected: 0,
    reviewedForFailedSource: 0,
    failedChecks: 0,
    retriedChecks: 0,
    fastFailedChecks: 0,
    violations: [],
  };
  for (const { id, caseKey } of accepted) {
    const application = applications.get(id)!;
    const failed = application.checks.filter((check) => check.status === 'FAILED');
    verdict.failedChecks += failed.length;
    verdict.retriedChecks += application.checks.filter((check) => check.attempts > callsOf(check.source)).length;
    verdict.fastFailedChecks += failed.filter((check) => check.attempts === 0).length;
    if (application.checks.length !== 3 || application.checks.some((check) => check.status === 'PENDING')) {
      verdict.violations.push(`${id} (${caseKey}): checks ${JSON.stringify(application.checks)}`);
    } else if (failed.length === 0) {
      const { expected } = CASES.get(caseKey)!;
      const got = JSON.stringify({ outcome: application.outcome, findings: application.findings.map(essentials) });
      const wanted = JSON.stringify({ outcome: expected.outcome, findings: expected.findings.map(essentials) });
      if (got === wanted) verdict.asExpected += 1;
      else verdict.violations.push(`${id} (${caseKey}): ${got}, expected ${wanted}`);
    } else {
      const missing = failed.filter(
        (check) =>
          !application.findings.some((finding) => finding.code === FINDING_OF_FAILURE[check.failure!] && finding.source === check.source),
      );
      if (application.outcome === 'NEEDS_REVIEW' && missing.length === 0) verdict.reviewedForFailedSource += 1;
      else
        verdict.violations.push(
          `${id} (${caseKey}): ${application.outcome} on failed checks ${failed.map((check) => check.source).join(', ')}`,
        );
    }
  }
  return verdict;
}
