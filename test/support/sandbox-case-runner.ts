import type { SandboxCase } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import type { TestApp } from './test-app.js';

const STATUS_OF_OUTCOME = { ELIGIBLE: 'DETERMINED', INELIGIBLE: 'DETERMINED', NEEDS_REVIEW: 'IN_REVIEW' } as const;

export async function submitCase(t: TestApp, token: string, sandboxCase: SandboxCase): Promise<string> {
  const response = await t.request('POST', '/v1/applications', { token, body: sandboxCase.application });
  if (response.status !== 202) throw new Error(`${sandboxCase.key}: ${response.status} ${response.text}`);
  return response.body.id as string;
}

/** The determination read over the API matches the hand-worked expectation of the case. */
export function expectCaseOutcome(application: any, sandboxCase: SandboxCase): void {
  const { determination } = application;
  const findings = determination.findings.map((finding: { code: string; severity: string; memberIdNumber: string | null }) => ({
    code: finding.code,
    severity: finding.severity,
    memberIdNumber: finding.memberIdNumber,
  }));
  expect({ outcome: determination.outcome, findings }).toEqual({
    outcome: sandboxCase.expected.outcome,
    findings: sandboxCase.expected.findings,
  });
  expect(application.status).toBe(STATUS_OF_OUTCOME[sandboxCase.expected.outcome as keyof typeof STATUS_OF_OUTCOME]);
  expect(determination.policyVersion).toEqual(expect.any(String));
  for (const finding of determination.findings) {
    expect(finding.reason).toEqual(expect.any(String));
    expect(Array.isArray(finding.evidence)).toBe(true);
  }
}
