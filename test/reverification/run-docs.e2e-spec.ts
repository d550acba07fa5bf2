import { OpenApiContract } from '../docs/openapi-contract.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { settledApplication } from '../access/access-fixtures.js';
import { completed, query, reverificationQueue, waitForRun } from './reverification-steps.js';

/** The two run endpoints answer as the OpenAPI document says, field for field, errors included. */
describe('re-verification runs in the OpenAPI document', () => {
  let t: TestApp;
  let contract: OpenApiContract;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    contract = await OpenApiContract.load((await t.request('GET', '/docs-json')).body);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('documents both operations under their tag, with the roles', () => {
    const start = contract.operation('post', '/v1/reverification-runs');
    const read = contract.operation('get', '/v1/reverification-runs/{id}');
    expect(start).toMatchObject({ tags: ['reverification-runs'], 'x-roles': ['reviewer', 'admin'] });
    expect(read).toMatchObject({ tags: ['reverification-runs'], 'x-roles': ['reviewer', 'auditor', 'admin'] });
    expect(Object.keys(start.responses)).toEqual(expect.arrayContaining(['202', '400', '401', '403', '409', '413', '415']));
    expect(Object.keys(read.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
  });

  it('answers as documented: accepted, progress with a change, and each error', async () => {
    const admin = t.token('admin', 'admin-docs');
    const eligible = await settledApplication(t, t.token('intake', 'intake-docs'), admin, 'dibao-eligible-urban');
    const approved = await settledApplication(t, t.token('intake', 'intake-docs'), admin, 'name-mismatch');
    const reviewer = t.token('reviewer', 'reviewer-docs', '542500');
    expect((await t.request('POST', `/v1/reviews/${approved}/claim`, { token: reviewer })).status).toBe(200);
    const decision = { decision: 'APPROVED', reason: 'Household visited; the documents agree.' };
    expect((await t.request('POST', `/v1/reviews/${approved}/decision`, { token: reviewer, body: decision })).status).toBe(200);

    const problems: string[] = [];
    const call = async (method: 'POST' | 'GET', path: string, url: string, options: Parameters<TestApp['request']>[2], status: number) => {
      const answer = await t.request(method, url, options);
      expect(`${method} ${url} → ${answer.status}`).toBe(`${method} ${url} → ${status}`);
      problems.push(...contract.answerProblems(method, path, answer));
      return answer;
    };
    const runs = '/v1/reverification-runs';
    const started = await call(
      'POST',
      runs,
      runs,
      { token: reviewer, body: { regionCode: '542523', program: 'MINIMUM_LIVING_ALLOWANCE' } },
      202,
    );
    const settled = await waitForRun(t, started.body.id, admin, completed);
    expect(settled).toMatchObject({ total: 2, inReview: 1, done: 1, changes: { items: [] } });
    // The registries have not changed, so neither has any outcome: to see both shapes of a change in
    // the report, the run's record of what each household was enrolled on is rewritten.
    await query(
      t,
      "UPDATE reverification_run_items SET previous_outcome = 'INELIGIBLE', previous_decision = 'APPROVED' WHERE application_id = $1",
      [eligible],
    );
    await query(
      t,
      "UPDATE reverification_run_items SET previous_outcome = 'ELIGIBLE', previous_decision = NULL WHERE application_id = $1",
      [approved],
    );
    const report = await call('GET', `${runs}/{id}`, `${runs}/${started.body.id}`, { token: reviewer }, 200);
    expect(report.body.changes.items.map((change: { previousDecision: string | null }) => change.previousDecision).sort()).toEqual([
      'APPROVED',
      null,
    ]);
    await call('GET', `${runs}/{id}`, `${runs}/${started.body.id}?limit=1`, { token: t.token('auditor', 'auditor-docs') }, 200);
    await call('POST', runs, runs, { token: reviewer, body: { regionCode: '54', program: 'X' } }, 400);
    await call('POST', runs, runs, { token: reviewer, body: { regionCode: '542600', program: 'MINIMUM_LIVING_ALLOWANCE' } }, 403);
    await call(
      'POST',
      runs,
      runs,
      { token: t.token('intake', 'intake-docs'), body: { regionCode: '542523', program: 'MINIMUM_LIVING_ALLOWANCE' } },
      403,
    );
    await call('GET', `${runs}/{id}`, `${runs}/${started.body.id}`, { token: t.token('reviewer', 'r', '542600') }, 404);
    await call('GET', `${runs}/{id}`, `${runs}/${started.body.id}?limit=500`, { token: admin }, 400);
    // A second run of one programme and region while the first is unfinished (its job held back).
    const busy = { token: admin, body: { regionCode: '542521', program: 'TEMPORARY_ASSISTANCE' } };
    await reverificationQueue(t).pause();
    try {
      const first = await call('POST', runs, runs, busy, 202);
      expect((await call('POST', runs, runs, busy, 409)).body.runId).toBe(first.body.id);
    } finally {
      await reverificationQueue(t).resume();
    }
    expect(problems).toEqual([]);
  });
});
