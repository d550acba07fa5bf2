import { SANDBOX_CASES } from '../../../src/modules/registries/sandbox/sandbox-cases.js';
import type { SettledApplication } from './invariants.js';
import type { AcceptedSubmission } from './load.js';

/**
 * Accepted submissions whose settled outcome differs from what their sandbox case expects:
 * with healthy registries, a fault in between must not change any outcome.
 */
export function outcomeMismatches(accepted: readonly AcceptedSubmission[], applications: Map<string, SettledApplication>): string[] {
  const expected = new Map(SANDBOX_CASES.map((sandboxCase) => [sandboxCase.key, sandboxCase.expected.outcome]));
  return accepted
    .filter((submission) => applications.get(submission.id)?.outcome !== expected.get(submission.caseKey))
    .map(
      (submission) => `${submission.caseKey}: ${applications.get(submission.id)?.outcome} (expected ${expected.get(submission.caseKey)})`,
    );
}
