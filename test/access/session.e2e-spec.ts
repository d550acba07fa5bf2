import { sqlOf } from '../review/review-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** `GET /v1/session`: what the token says, for any valid token; nothing else, nothing recorded. */
describe('GET /v1/session', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });

  afterAll(async () => {
    await t?.close();
  });

  it.each([
    [['intake'], undefined],
    [['reviewer'], '542500'],
    [['auditor'], undefined],
    [['admin'], undefined],
    [['intake', 'reviewer'], '542523'],
  ] as const)('answers %j with region %s as the token gives them', async (roles, region) => {
    const response = await t.request('GET', '/v1/session', { token: t.token([...roles], 'staff-s', region) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ sub: 'staff-s', roles, ...(region ? { region } : {}) });
    const events = await sqlOf(t)('SELECT action FROM audit_events WHERE correlation_id = ?', [response.headers.get('x-correlation-id')]);
    expect(events).toEqual([]);
  });

  it('answers 401 without a valid token', async () => {
    expect((await t.request('GET', '/v1/session')).status).toBe(401);
    expect((await t.request('GET', '/v1/session', { token: 'not-a-token' })).status).toBe(401);
  });
});
