import { DataSource } from 'typeorm';
import { SANDBOX_CASES, type SandboxCase } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import type { TestApp, TestResponse } from '../support/test-app.js';
import { submitCase } from '../support/sandbox-case-runner.js';

/** Sandbox households whose determination is known: one ends DETERMINED, the others IN_REVIEW. */
export const DETERMINED_IN_542523 = 'dibao-eligible-urban';
export const IN_REVIEW_IN_542523 = 'name-mismatch';
export const IN_REVIEW_IN_542521 = 'household-split';

export function sandboxCase(key: string): SandboxCase {
  const found = SANDBOX_CASES.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no sandbox case ${key}`);
  return found;
}

/**
 * Submits a sandbox household and waits until it is determined; fails unless it ended in the
 * status the case promises, so a fixture can never silently be in the wrong state.
 */
export async function settledApplication(t: TestApp, submitter: string, reader: string, key: string): Promise<string> {
  const sandbox = sandboxCase(key);
  const id = await submitCase(t, submitter, sandbox);
  const settled = await t.waitForDetermination(id, reader);
  const expected = sandbox.expected.outcome === 'NEEDS_REVIEW' ? 'IN_REVIEW' : 'DETERMINED';
  if (settled.body.status !== expected) throw new Error(`${key}: ended ${settled.body.status}, expected ${expected}`);
  return id;
}

export function expectProblem(response: TestResponse, status: number): void {
  expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { status, type: expect.any(String) } });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

const TABLES = ['applications', 'application_members', 'verifications', 'review_items', 'decisions', 'reverification_runs'] as const;

/** Row counts of the tables a refused request must not have touched. */
export async function rowCounts(t: TestApp): Promise<Record<(typeof TABLES)[number], number>> {
  const dataSource = t.app.get(DataSource);
  const counts = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) {
    const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}
