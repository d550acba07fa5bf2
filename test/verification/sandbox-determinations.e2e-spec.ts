import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { DeterminationService } from '../../src/modules/verification/determination.service.js';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectCaseOutcome, submitCase } from '../support/sandbox-case-runner.js';

/**
 * Every case of the bundled sandbox dataset, submitted over HTTP and determined through the
 * queues on the real Redis, against each database: the outcome and findings are the ones
 * worked out by hand from POLICY.md, and re-evaluating the stored answers gives the stored
 * determination byte for byte.
 */
describe.each(['sqlite', 'postgres'] as const)('sandbox determinations on %s', (kind) => {
  let t: TestApp;
  let intake: string;
  const determined = new Map<string, any>();

  beforeAll(async () => {
    t = await startTestApp(kind);
    intake = t.token('intake', 'intake-sandbox');
    const ids = await Promise.all(
      SANDBOX_CASES.map(async (sandboxCase) => [sandboxCase.key, await submitCase(t, intake, sandboxCase)] as const),
    );
    for (const [key, id] of ids) determined.set(key, (await t.waitForDetermination(id, intake)).body);
  });
  afterAll(() => t.close());

  it.each(SANDBOX_CASES.map((sandboxCase) => [sandboxCase.key, sandboxCase] as const))('%s', (key, sandboxCase) => {
    expectCaseOutcome(determined.get(key), sandboxCase);
  });

  it('records every registry consulted with attempts, request ids and the SHA-256 of its answer', () => {
    for (const application of determined.values()) {
      expect(application.checks.map((check: { source: string }) => check.source)).toEqual([
        'BUSINESS_REGISTRATION',
        'HOUSEHOLD_REGISTRATION',
        'VEHICLE_REGISTRATION',
      ]);
      for (const check of application.checks) {
        expect(check).toMatchObject({ status: 'SUCCEEDED', attempts: expect.any(Number), failure: null });
        expect(check.answerSha256).toMatch(/^[0-9a-f]{64}$/);
        expect(check.requestIds.length).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('re-derives every stored determination byte for byte from the stored answers', async () => {
    const determinations = t.app.get(DeterminationService);
    const rows: { verification_id: string; evaluation: string }[] = await t.app
      .get(DataSource)
      .query('SELECT verification_id, evaluation FROM determinations');
    expect(rows.length).toBeGreaterThanOrEqual(SANDBOX_CASES.length);
    for (const row of rows) {
      expect(await determinations.reevaluate(row.verification_id)).toBe(row.evaluation);
    }
  });

  it('keeps the earlier determination when a household is re-verified, and makes the newest current', async () => {
    const [first] = SANDBOX_CASES;
    const id = await submitCase(t, intake, first);
    const before = (await t.waitForDetermination(id, intake)).body;
    const reverify = await t.request('POST', `/v1/applications/${id}/reverify`, { token: intake });
    expect(reverify.status).toBe(202);
    const after = (await t.waitForDetermination(id, intake)).body;
    expect(after.verificationId).toBe(reverify.body.verificationId);
    expect(after.determination.determinedAt >= before.determination.determinedAt).toBe(true);
    const [{ n }] = await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM determinations WHERE application_id = '${id}'`);
    expect(Number(n)).toBe(2);
  });
});
