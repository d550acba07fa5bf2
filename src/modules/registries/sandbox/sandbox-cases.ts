import type { FindingCode, Outcome, Program, Severity } from '../../eligibility/eligibility.types.js';
import type { Relationship } from '../registry.types.js';
import cases from './sandbox-cases.json' with { type: 'json' };

/** A member as `POST /v1/applications` takes it (`shared/API.md`). */
export interface SandboxCaseMember {
  name: string;
  idNumber: string;
  relationship: Relationship;
  declaredMonthlyIncome: number;
  consent: { documentRef: string; signedOn: string; signedBy: 'SELF' | 'GUARDIAN' };
}

export interface SandboxCaseFinding {
  code: FindingCode;
  severity: Severity;
  memberIdNumber: string | null;
}

/**
 * An application against the sandbox dataset, with the determination worked out by hand
 * from POLICY.md; `description` says how. Findings are in the order POLICY.md lists them:
 * by code, then by the person's identity number, none first.
 */
export interface SandboxCase {
  key: string;
  description: string;
  application: { program: Program; regionCode: string; applicationDate: string; members: SandboxCaseMember[] };
  expected: { outcome: Outcome; findings: SandboxCaseFinding[] };
}

export const SANDBOX_CASES: readonly SandboxCase[] = cases as SandboxCase[];
