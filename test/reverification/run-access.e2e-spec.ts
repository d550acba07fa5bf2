import { randomUUID } from 'node:crypto';
import { expectProblem } from '../access/access-fixtures.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';
import { completed, fireSchedule, query, waitForRun } from './reverification-steps.js';

const BODY = { regionCode: '542523', program: 'MINIMUM_LIVING_ALLOWANCE' };

/**
 * Who may start and read runs: admin; reviewers within the region of their token (a run's
 * region must lie inside it, as a re-verification of one application must); auditors read.
 * Intake staff, who reach only what they submitted, neither start nor read them. A run out of
 * reach is 404, exactly as one that does not exist. Bad input is problem+json naming the field.
 */
describe.each(['sqlite', 'postgres'] as const)('re-verification run access and validation on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let countyRun: string;
  let scheduledRun: string;

  const start = (token: string, body: unknown = BODY) => t.request('POST', '/v1/reverification-runs', { token, body });
  const read = (token: string, id: string, search = '') => t.request('GET', `/v1/reverification-runs/${id}${search}`, { token });
  const runCount = async () => Number((await query<{ n: string | number }>(t, 'SELECT COUNT(*) AS n FROM reverification_runs'))[0].n);
  const paths = (response: TestResponse) => response.body.errors.map((error: { path: string }) => error.path).sort();

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = t.token('admin', 'admin-access');
    const started = await start(admin);
    expect(started.status).toBe(202);
    countyRun = started.body.id;
    scheduledRun = await fireSchedule(t, 'EXTREME_POVERTY_SUPPORT', 'access');
    await waitForRun(t, countyRun, admin, completed);
    await waitForRun(t, scheduledRun, admin, completed);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('validation', () => {
    it.each([
      ['an empty body', {}, ['program', 'regionCode']],
      ['a short region code and an unknown programme', { regionCode: '5425', program: 'DIBAO' }, ['program', 'regionCode']],
      ['a region code as a number', { regionCode: 542523, program: 'MINIMUM_LIVING_ALLOWANCE' }, ['regionCode']],
      ['an unknown field', { ...BODY, batchSize: 5 }, ['batchSize']],
    ])('refuses %s with 400 naming each field, and starts nothing', async (_title, body, expected) => {
      const before = await runCount();
      const response = await start(admin, body);
      expectProblem(response, 400);
      expect(paths(response)).toEqual(expected);
      expect(await runCount()).toBe(before);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['cursor=not-one-of-ours', 'cursor'],
    ])('refuses a report query with %s, naming %s', async (search, path) => {
      const response = await read(admin, countyRun, `?${search}`);
      expectProblem(response, 400);
      expect(paths(response)).toEqual([path]);
    });

    it('answers 404 for an id that is not a UUID or not a run', async () => {
      expectProblem(await read(admin, 'not-a-uuid'), 404);
      expectProblem(await read(admin, randomUUID()), 404);
    });
  });

  describe('roles and reach', () => {
    it('refuses intake staff both endpoints, and auditors a start, with 403', async () => {
      const before = await runCount();
      expectProblem(await start(t.token('intake', 'intake-access')), 403);
      expectProblem(await read(t.token('intake', 'intake-access'), countyRun), 403);
      expectProblem(await start(t.token('auditor', 'auditor-access')), 403);
      expect(await runCount()).toBe(before);
    });

    it('lets a reviewer start a run within its region, and refuses one beyond it naming regionCode', async () => {
      const prefecture = t.token('reviewer', 'reviewer-5425', '542500');
      expect((await start(prefecture)).status).toBe(202);
      const before = await runCount();
      const outside = await start(prefecture, { ...BODY, regionCode: '542600' });
      expectProblem(outside, 403);
      expect(paths(outside)).toEqual(['regionCode']);
      // A county reviewer may not start a run over the whole prefecture.
      expectProblem(await start(t.token('reviewer', 'reviewer-542523', '542523'), { ...BODY, regionCode: '542500' }), 403);
      expect(await runCount()).toBe(before);
    });

    it('lets reviewers and auditors within reach read a run, and answers 404 beyond it exactly as for no run', async () => {
      for (const token of [
        t.token('reviewer', 'r', '542500'),
        t.token('reviewer', 'r', '542523'),
        t.token('auditor', 'a'),
        t.token('auditor', 'a', '540000'),
      ]) {
        expect((await read(token, countyRun)).status).toBe(200);
      }
      const missing = await read(t.token('reviewer', 'r', '542600'), randomUUID());
      for (const token of [t.token('reviewer', 'r', '542600'), t.token('auditor', 'a', '542521')]) {
        const response = await read(token, countyRun);
        expectProblem(response, 404);
        expect(response.body).toEqual(missing.body);
      }
    });

    it('lets only tokens without a region read a scheduled run, which covers every region', async () => {
      expect((await read(admin, scheduledRun)).body).toMatchObject({
        trigger: 'SCHEDULE',
        regionCode: null,
        program: 'EXTREME_POVERTY_SUPPORT',
      });
      expect((await read(t.token('auditor', 'a'), scheduledRun)).status).toBe(200);
      expectProblem(await read(t.token('admin', 'z', '540000'), scheduledRun), 404);
      expectProblem(await read(t.token('reviewer', 'r', '542500'), scheduledRun), 404);
    });
  });

  it('audits the start, the end of selection and every read, found or not', async () => {
    await t.auditSealed();
    const events = await query<{ action: string; actor: string; outcome: string; application_id: string | null }>(
      t,
      "SELECT action, actor, outcome, application_id FROM audit_events WHERE action LIKE 'REVERIFICATION_RUN_%' ORDER BY sequence",
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'REVERIFICATION_RUN_STARTED', actor: 'admin-access', outcome: countyRun, application_id: null },
        { action: 'REVERIFICATION_RUN_SELECTED', actor: 'system', outcome: countyRun, application_id: null },
        { action: 'REVERIFICATION_RUN_STARTED', actor: 'system', outcome: scheduledRun, application_id: null },
        { action: 'REVERIFICATION_RUN_READ', actor: 'admin-access', outcome: 'SUCCEEDED', application_id: null },
        { action: 'REVERIFICATION_RUN_READ', actor: 'r', outcome: 'NOT_FOUND', application_id: null },
      ]),
    );
    const chain = await t.request('GET', '/v1/audit-events/verify', { token: admin });
    expect(chain.body).toMatchObject({ valid: true });
  });
});
