import { DEVELOPMENT_JWT_SECRET } from '../../src/core/config/app.config.js';
import { expectProblem, IN_REVIEW_IN_542523, DETERMINED_IN_542523, settledApplication } from '../access/access-fixtures.js';
import { forgeJwt, refusedCredentials } from '../access/forged-credentials.js';
import { validApplication } from '../fixtures/application-bodies.js';
import { sqlOf } from '../review/review-steps.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

const REASON = 'Household visited; the documents were checked against the registries.';

interface Row {
  actor: string;
  role: string;
  action: string;
  application_id: string | null;
  correlation_id: string;
  outcome: string;
}

/**
 * Refusals leave a trace: a 403 on /v1 (a role not admitted, a region refused) and a 409 (four
 * eyes, a claim held by another, a decision without a live claim, a decision that stands) are
 * audit events with outcome DENIED or CONFLICT, the token's actor and role, the action tried,
 * and the application only where the caller may reach it. They are recorded though the
 * request's own transaction rolled back. A token that does not verify (401) names no actor and
 * records nothing; a 404 stays a plain 404. Reads of the audit log are AUDIT_READ events with
 * the filters used.
 */
describe.each(['sqlite', 'postgres'] as const)('refusals in the audit log on %s', (kind) => {
  let t: TestApp;
  let sql: ReturnType<typeof sqlOf>;
  let admin: string;
  let intakeA: string;
  /** Submitted by intake-a in county 542523. */
  let inReview: string;
  let determined: string;
  const registered: string[] = [];

  /** The events a request left, by its correlation id. */
  const eventsOf = async (response: TestResponse): Promise<Row[]> =>
    sql(
      'SELECT actor, role, action, application_id, correlation_id, outcome FROM audit_events WHERE correlation_id = ? ORDER BY sequence',
      [response.headers.get('x-correlation-id')],
    );
  const count = async () => Number((await sql('SELECT COUNT(*) AS n FROM audit_events'))[0].n);
  const refusal = (response: TestResponse, fields: Partial<Row>) =>
    expect(eventsOf(response)).resolves.toEqual([
      { correlation_id: response.headers.get('x-correlation-id'), application_id: null, ...fields },
    ]);

  beforeAll(async () => {
    t = await startTestApp(
      kind,
      {},
      {
        beforeInit: (app) =>
          app
            .getHttpAdapter()
            .getInstance()
            .addHook('onRoute', (route) => {
              for (const method of [route.method].flat()) if (route.url.startsWith('/v1/')) registered.push(`${method} ${route.url}`);
            }),
      },
    );
    sql = sqlOf(t);
    admin = t.token('admin', 'admin-refusals');
    intakeA = t.token('intake', 'intake-a');
    [inReview, determined] = await Promise.all([
      settledApplication(t, intakeA, admin, IN_REVIEW_IN_542523),
      settledApplication(t, intakeA, admin, DETERMINED_IN_542523),
    ]);
  });
  afterAll(async () => {
    await t.queuesDrained();
    await t.close();
  });

  describe('403: a role not admitted', () => {
    it('records intake reading the audit log as AUDIT_READ DENIED, with its actor and role', async () => {
      const response = await t.request('GET', '/v1/audit-events?action=DECISION_RECORDED', { token: intakeA });
      expectProblem(response, 403);
      await refusal(response, { actor: 'intake-a', role: 'intake', action: 'AUDIT_READ', outcome: 'DENIED' });
    });

    it('names the application an auditor tried to re-verify: auditors reach every application', async () => {
      const response = await t.request('POST', `/v1/applications/${determined}/reverify`, { token: t.token('auditor', 'auditor-u') });
      expectProblem(response, 403);
      await refusal(response, {
        actor: 'auditor-u',
        role: 'auditor',
        action: 'VERIFICATION_REQUESTED',
        application_id: determined,
        outcome: 'DENIED',
      });
    });

    it('names the application intake tried to claim only when it is the intake’s own', async () => {
      const own = await t.request('POST', `/v1/reviews/${inReview}/claim`, { token: intakeA });
      expectProblem(own, 403);
      await refusal(own, { actor: 'intake-a', role: 'intake', action: 'REVIEW_CLAIMED', application_id: inReview, outcome: 'DENIED' });

      const others = await t.request('POST', `/v1/reviews/${inReview}/claim`, { token: t.token('intake', 'intake-b') });
      expectProblem(others, 403);
      expect(others.body).toEqual(own.body);
      await refusal(others, { actor: 'intake-b', role: 'intake', action: 'REVIEW_CLAIMED', outcome: 'DENIED' });
    });

    it('reads the application of a review request from its body, and leaves out one beyond the token’s region', async () => {
      const body = { applicationId: determined, reason: REASON };
      const own = await t.request('POST', '/v1/reviews', { token: intakeA, body });
      await refusal(own, { actor: 'intake-a', action: 'REVIEW_REQUESTED', application_id: determined, outcome: 'DENIED', role: 'intake' });
      const regional = await t.request('POST', '/v1/reviews', { token: t.token('intake', 'intake-a', '542521'), body });
      expectProblem(regional, 403);
      await refusal(regional, { actor: 'intake-a', action: 'REVIEW_REQUESTED', outcome: 'DENIED', role: 'intake' });
    });
  });

  describe('403: a region refused', () => {
    it('records a submission outside the token’s region as APPLICATION_SUBMITTED DENIED, and nothing else', async () => {
      const response = await t.request('POST', '/v1/applications', {
        token: t.token('intake', 'intake-521', '542521'),
        body: validApplication({ regionCode: '542523' }),
      });
      expectProblem(response, 403);
      await refusal(response, { actor: 'intake-521', role: 'intake', action: 'APPLICATION_SUBMITTED', outcome: 'DENIED' });
    });

    it('records a run beyond the token’s region as REVERIFICATION_RUN_STARTED DENIED', async () => {
      const response = await t.request('POST', '/v1/reverification-runs', {
        token: t.token('reviewer', 'reviewer-521', '542521'),
        body: { regionCode: '542523', program: 'MINIMUM_LIVING_ALLOWANCE' },
      });
      expectProblem(response, 403);
      await refusal(response, { actor: 'reviewer-521', role: 'reviewer', action: 'REVERIFICATION_RUN_STARTED', outcome: 'DENIED' });
    });
  });

  describe('409s of the review queue, recorded though their transaction rolled back', () => {
    let dual: string;
    let ownCase: string;
    beforeAll(async () => {
      dual = t.token(['intake', 'reviewer'], 'dual-d');
      ownCase = await settledApplication(t, dual, admin, IN_REVIEW_IN_542523);
    });

    it('records the four-eyes refusals of a claim and of a decision', async () => {
      const claim = await t.request('POST', `/v1/reviews/${ownCase}/claim`, { token: dual });
      expectProblem(claim, 409);
      // The reviewers' routes admit the token's reviewer role alone: it acted as a reviewer.
      await refusal(claim, { actor: 'dual-d', role: 'reviewer', action: 'REVIEW_CLAIMED', application_id: ownCase, outcome: 'CONFLICT' });
      const decision = await t.request('POST', `/v1/reviews/${ownCase}/decision`, {
        token: dual,
        body: { decision: 'APPROVED', reason: REASON },
      });
      expectProblem(decision, 409);
      await refusal(decision, {
        actor: 'dual-d',
        action: 'DECISION_RECORDED',
        application_id: ownCase,
        outcome: 'CONFLICT',
        role: 'reviewer',
      });
    });

    it('records a decision attempt without a claim, and a claim another reviewer holds', async () => {
      const bob = t.token('reviewer', 'bob');
      const decision = await t.request('POST', `/v1/reviews/${inReview}/decision`, {
        token: bob,
        body: { decision: 'APPROVED', reason: REASON },
      });
      expectProblem(decision, 409);
      await refusal(decision, {
        actor: 'bob',
        role: 'reviewer',
        action: 'DECISION_RECORDED',
        application_id: inReview,
        outcome: 'CONFLICT',
      });

      expect((await t.request('POST', `/v1/reviews/${inReview}/claim`, { token: t.token('reviewer', 'carol') })).status).toBe(200);
      const claim = await t.request('POST', `/v1/reviews/${inReview}/claim`, { token: bob });
      expectProblem(claim, 409);
      await refusal(claim, { actor: 'bob', role: 'reviewer', action: 'REVIEW_CLAIMED', application_id: inReview, outcome: 'CONFLICT' });
    });

    it('records intake’s re-verification of a decided case, refused because the decision stands', async () => {
      const carol = t.token('reviewer', 'carol');
      expect(
        (await t.request('POST', `/v1/reviews/${inReview}/decision`, { token: carol, body: { decision: 'REJECTED', reason: REASON } }))
          .status,
      ).toBe(200);
      const response = await t.request('POST', `/v1/applications/${inReview}/reverify`, { token: intakeA });
      expectProblem(response, 409);
      await refusal(response, {
        actor: 'intake-a',
        role: 'intake',
        action: 'VERIFICATION_REQUESTED',
        application_id: inReview,
        outcome: 'CONFLICT',
      });
    });
  });

  describe('what is not a refusal to record', () => {
    it('records nothing for a token that does not verify, whatever actor it names', async () => {
      const before = await count();
      const now = Math.floor(Date.now() / 1000);
      const forged = forgeJwt(
        { alg: 'HS256', typ: 'JWT' },
        { sub: 'mallory', roles: ['intake'], iat: now, exp: now + 600 },
        { secret: 'not-the-secret-at-all-not-the-secret', digest: 'sha256' },
      );
      for (const authorization of [`Bearer ${forged}`, ...refusedCredentials(DEVELOPMENT_JWT_SECRET).map(([, value]) => value)]) {
        const response = await t.request('POST', `/v1/reviews/${inReview}/claim`, { headers: authorization ? { authorization } : {} });
        expectProblem(response, 401);
      }
      expect(await count()).toBe(before);
    });

    it('keeps a 404 for an application out of reach a plain 404, with no event', async () => {
      const county = t.token('reviewer', 'reviewer-521', '542521');
      const response = await t.request('POST', `/v1/reviews/${determined}/claim`, { token: county });
      expectProblem(response, 404);
      expect(await eventsOf(response)).toEqual([]);
    });

    it('records no refusal for a 400', async () => {
      const response = await t.request('GET', '/v1/audit-events?from=2026-W01-1', { token: admin });
      expectProblem(response, 400);
      expect(await eventsOf(response)).toEqual([]);
    });
  });

  describe('reads of the audit log', () => {
    it('records each as AUDIT_READ with the filters used, and no personal data', async () => {
      const query = `actor=bob&action=DECISION_RECORDED&applicationId=${inReview}&from=${encodeURIComponent('2026-01-01T08:00:00+08:00')}&limit=5`;
      const response = await t.request('GET', `/v1/audit-events?${query}`, { token: t.token('auditor', 'auditor-u') });
      expect(response.status).toBe(200);
      const [event] = await eventsOf(response);
      expect(event).toMatchObject({ actor: 'auditor-u', role: 'auditor', action: 'AUDIT_READ', application_id: null });
      expect(JSON.parse(event.outcome)).toEqual({
        action: 'DECISION_RECORDED',
        actor: 'bob',
        applicationId: inReview,
        from: '2026-01-01T00:00:00.000Z',
        limit: 5,
      });
      const next = await t.request('GET', `/v1/audit-events?limit=1&cursor=${response.body.nextCursor ?? ''}`, { token: admin });
      if (response.body.nextCursor)
        expect(JSON.parse((await eventsOf(next))[0].outcome)).toMatchObject({ after: expect.any(Number), limit: 1 });
    });

    it('records the widest filters whole', async () => {
      const actor = 'a'.repeat(128);
      const response = await t.request(
        'GET',
        `/v1/audit-events?actor=${actor}&action=APPLICATION_READ&applicationId=${inReview}&from=${encodeURIComponent('2026-01-01T08:00:00.123456789+08:00')}&to=${encodeURIComponent('2026-12-31T23:59:59.999999999-11:59')}&limit=100`,
        { token: admin },
      );
      expect(response.status).toBe(200);
      const [event] = await eventsOf(response);
      expect(JSON.parse(event.outcome)).toMatchObject({ actor, applicationId: inReview, limit: 100 });
    });
  });

  it('names an action for every /v1 route, so that no refusal goes unnamed', async () => {
    const { refusedAction } = await import('../../src/modules/audit/refusal-actions.js');
    const unnamed = registered.filter((route) => {
      const [method, url] = route.split(' ');
      return refusedAction(method, url).action === 'REQUEST_REFUSED';
    });
    expect(registered.length).toBeGreaterThan(10);
    expect(unnamed).toEqual([]);
  });
});
