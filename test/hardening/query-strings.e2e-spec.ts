import { expectProblem } from '../access/access-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
const UUID = '00000000-0000-4000-8000-000000000000';
const AT = '2026-11-28T10:00:00.000Z';

/**
 * The query strings the list fuzzer (test/reliability/08) found answered with a 500, or might
 * have: a cursor of the right shape holding what the database refuses (a sequence beyond its
 * integer column, U+0000 in a string) and a date-time in another ISO 8601 form. Each is now a
 * 400 naming the parameter, on either database.
 */
describe.each(['sqlite', 'postgres'] as const)('query strings of the list endpoints on %s', (kind) => {
  let t: TestApp;
  let tokens: Record<string, string>;
  let runId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    tokens = { reviewer: t.token('reviewer', 'reviewer-q'), auditor: t.token('auditor', 'auditor-q'), admin: t.token('admin', 'admin-q') };
    const run = await t.request('POST', '/v1/reverification-runs', {
      token: tokens.admin,
      body: { regionCode: '542527', program: 'TEMPORARY_ASSISTANCE' },
    });
    expect(run.status).toBe(202);
    runId = run.body.id;
  });
  afterAll(async () => {
    await t.queuesDrained();
    await t.close();
  });

  it.each([
    ['an audit cursor past the integer column', 'auditor', '/v1/audit-events', { after: 3498890827019653 }],
    ['an audit cursor of 2^31', 'auditor', '/v1/audit-events', { after: 2 ** 31 }],
    ['an audit cursor of 1e300', 'auditor', '/v1/audit-events', { after: 1e300 }],
    ['an audit cursor below 0', 'auditor', '/v1/audit-events', { after: -1 }],
    ['an applications cursor holding U+0000', 'reviewer', '/v1/applications', { createdAt: `${AT}\u0000`, id: UUID }],
    ['an applications cursor whose id is no UUID', 'reviewer', '/v1/applications', { createdAt: AT, id: 'x' }],
    ['a review cursor holding U+0000', 'reviewer', '/v1/reviews', { queuedAt: '\u0000', id: UUID }],
    ['a run report cursor holding U+0000', 'admin', '/v1/reverification-runs/{run}', { applicationId: 'a\u0000' }],
  ])('refuses %s with 400 naming cursor', async (_label, role, path, key) => {
    const response = await t.request('GET', `${path.replace('{run}', runId)}?cursor=${cursorOf(key)}`, { token: tokens[role] });
    expectProblem(response, 400);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['cursor']);
  });

  it.each([
    ['/v1/applications', 'reviewer', 'status=RECEIVED&status=DECIDED', 'status'],
    ['/v1/reviews', 'reviewer', 'limit=1&limit=2', 'limit'],
    ['/v1/audit-events', 'auditor', 'from=2026-W01-1', 'from'],
    ['/v1/audit-events', 'auditor', `to=${encodeURIComponent('2026-11-28T10:00:00+0800')}`, 'to'],
    ['/v1/audit-events', 'auditor', 'actor=%00', 'actor'],
    ['/v1/reverification-runs/{run}', 'admin', 'limit=1e3', 'limit'],
  ])('refuses GET %s?%s … with 400 naming the parameter', async (path, role, query, parameter) => {
    const response = await t.request('GET', `${path.replace('{run}', runId)}?${query}`, { token: tokens[role] });
    expectProblem(response, 400);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(parameter);
  });

  it('still follows the cursors it gives out', async () => {
    const first = await t.request('GET', '/v1/audit-events?limit=1', { token: tokens.auditor });
    expect(first.status).toBe(200);
    const next = await t.request('GET', `/v1/audit-events?limit=1&cursor=${first.body.nextCursor}`, { token: tokens.auditor });
    expect(next.status).toBe(200);
    expect(next.body.items[0].sequence).toBeGreaterThan(first.body.items[0].sequence);
  });
});
