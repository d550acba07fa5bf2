import { DEVELOPMENT_JWT_SECRET } from '../../src/core/config/app.config.js';
import type { Role } from '../../src/modules/auth/principal.js';
import { validApplication } from '../fixtures/application-bodies.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';
import { DETERMINED_IN_542523, expectProblem, IN_REVIEW_IN_542523, rowCounts, settledApplication } from './access-fixtures.js';
import { type JwksServer, providerClaims, providerKey, providerToken, startJwksServer } from '../support/identity-provider.js';
import { sqlOf } from '../review/review-steps.js';
import { refusedCredentials, refusedProviderCredentials, validJwt } from './forged-credentials.js';

/**
 * Every endpoint against every kind of bad credential (401) and every role (403, or the exact
 * answer of a successful call). Each allowed call gets an application of its own in the state
 * it needs, so its expected status is definite; refused calls aim at two guarded applications
 * that must come out of the whole refused section untouched. The service trusts both the
 * development secret and an identity provider's JWKS (a local endpoint), and the roles call
 * with the provider's tokens, RS256 and ES256: forged tokens of both kinds must get nowhere.
 */

const ROLES: Role[] = ['intake', 'reviewer', 'auditor', 'admin'];
const SUBS: Record<Role, string> = { intake: 'intake-a', reviewer: 'reviewer-r', auditor: 'auditor-u', admin: 'admin-z' };
const REASON = 'Checked the household documents in person at the township office.';

/** Applications that allowed calls change, one per role that may make the call. */
type Prepared = 'reverify' | 'pull' | 'claim' | 'decide' | 'reviewReverify' | 'reverifyDecided' | 'decideUnclaimed';

interface Fixtures {
  /** Submitted by the matrix's intake, determined; read by every role. */
  readable: string;
  /** Targets of refused calls: DETERMINED and IN_REVIEW, never to change. */
  guardedDetermined: string;
  guardedInReview: string;
  prepared: Record<Prepared, Partial<Record<Role, string>>>;
  /** A re-verification run over a county and programme without enrolled households, so that it changes nothing. */
  run: string;
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
}

interface Endpoint {
  route: string;
  /** The audit action a refusal of the call is recorded under. */
  action: string;
  /** The application a refused call names, which every role of the matrix reaches (intake-a submitted it); none: null. */
  names?(f: Fixtures): string;
  /** The request; `role` is null for a refused call, which must aim at a guarded application. */
  call(f: Fixtures, role: Role | null): Call;
  allowed: Partial<Record<Role, number>>;
  /** What a successful answer must say beyond its status. */
  expectBody?(body: any, f: Fixtures, role: Role): void;
}

/** No sandbox household takes temporary assistance in county 542527: a run there re-verifies nobody. */
const QUIET_RUN = { regionCode: '542527', program: 'TEMPORARY_ASSISTANCE' };
/**
 * Nor in 542526 or 542524: a county each for the runs the roles start, since a programme and
 * region have one unfinished run at a time.
 */
const QUIET_RUNS: Partial<Record<Role, typeof QUIET_RUN>> = {
  reviewer: { ...QUIET_RUN, regionCode: '542526' },
  admin: { ...QUIET_RUN, regionCode: '542524' },
};

const preparedOr = (f: Fixtures, kind: Prepared, role: Role | null, guarded: string) => (role && f.prepared[kind][role]) || guarded;

const ENDPOINTS: Endpoint[] = [
  {
    route: 'POST /v1/applications',
    action: 'APPLICATION_SUBMITTED',
    call: () => ({ method: 'POST', path: '/v1/applications', body: validApplication() }),
    allowed: { intake: 202, admin: 202 },
    expectBody: (body) => expect(body).toEqual({ id: expect.any(String), status: 'RECEIVED' }),
  },
  {
    route: 'GET /v1/applications',
    action: 'APPLICATIONS_LISTED',
    call: () => ({ method: 'GET', path: '/v1/applications?limit=100' }),
    allowed: { intake: 200, reviewer: 200, auditor: 200, admin: 200 },
    expectBody: (body, f) => expect(body.items.map((item: { id: string }) => item.id)).toContain(f.readable),
  },
  {
    route: 'GET /v1/applications/:id',
    action: 'APPLICATION_READ',
    names: (f) => f.readable,
    call: (f) => ({ method: 'GET', path: `/v1/applications/${f.readable}` }),
    allowed: { intake: 200, reviewer: 200, auditor: 200, admin: 200 },
    expectBody: (body, f) => expect(body).toMatchObject({ id: f.readable, status: 'DETERMINED' }),
  },
  {
    route: 'GET /v1/applications/:id?idNumbers=masked',
    action: 'APPLICATION_READ',
    names: (f) => f.readable,
    call: (f) => ({ method: 'GET', path: `/v1/applications/${f.readable}?idNumbers=masked` }),
    allowed: { intake: 200, reviewer: 200, auditor: 200, admin: 200 },
    expectBody: (body, f) => {
      expect(body).toMatchObject({ id: f.readable, status: 'DETERMINED' });
      for (const member of body.members) expect(member.idNumber).toMatch(/^\*{14}[\dX]{4}$/);
    },
  },
  {
    route: 'GET /v1/applications/:id/members/:memberIndex/id-number',
    action: 'ID_NUMBER_REVEALED',
    names: (f) => f.readable,
    call: (f) => ({ method: 'GET', path: `/v1/applications/${f.readable}/members/0/id-number` }),
    allowed: { intake: 200, reviewer: 200, auditor: 200, admin: 200 },
    expectBody: (body) => expect(body.idNumber).toMatch(/^\d{17}[\dX]$/),
  },
  {
    route: 'GET /v1/session',
    action: 'SESSION_READ',
    call: () => ({ method: 'GET', path: '/v1/session' }),
    allowed: { intake: 200, reviewer: 200, auditor: 200, admin: 200 },
    expectBody: (body, _f, role) => expect(body).toEqual({ sub: SUBS[role], roles: [role] }),
  },
  {
    route: 'POST /v1/applications/:id/reverify',
    action: 'VERIFICATION_REQUESTED',
    names: (f) => f.guardedDetermined,
    call: (f, role) => ({ method: 'POST', path: `/v1/applications/${preparedOr(f, 'reverify', role, f.guardedDetermined)}/reverify` }),
    allowed: { intake: 202, reviewer: 202, admin: 202 },
    expectBody: (body, f, role) => expect(body).toMatchObject({ id: f.prepared.reverify[role], status: 'RECEIVED' }),
  },
  {
    route: 'GET /v1/reviews',
    action: 'REVIEWS_LISTED',
    call: () => ({ method: 'GET', path: '/v1/reviews?limit=100' }),
    allowed: { reviewer: 200, admin: 200 },
    expectBody: (body, f) => expect(body.items.map((item: { applicationId: string }) => item.applicationId)).toContain(f.guardedInReview),
  },
  {
    route: 'POST /v1/reviews',
    action: 'REVIEW_REQUESTED',
    names: (f) => f.guardedDetermined,
    call: (f, role) => ({
      method: 'POST',
      path: '/v1/reviews',
      body: { applicationId: preparedOr(f, 'pull', role, f.guardedDetermined), reason: REASON },
    }),
    allowed: { reviewer: 201, admin: 201 },
    expectBody: (body, f, role) => expect(body).toMatchObject({ applicationId: f.prepared.pull[role], status: 'PENDING' }),
  },
  {
    route: 'POST /v1/reviews/:applicationId/claim',
    action: 'REVIEW_CLAIMED',
    names: (f) => f.guardedInReview,
    call: (f, role) => ({ method: 'POST', path: `/v1/reviews/${preparedOr(f, 'claim', role, f.guardedInReview)}/claim` }),
    allowed: { reviewer: 200, admin: 200 },
    expectBody: (body, f, role) => expect(body).toMatchObject({ applicationId: f.prepared.claim[role], claimedBy: SUBS[role] }),
  },
  {
    route: 'POST /v1/reviews/:applicationId/decision',
    action: 'DECISION_RECORDED',
    names: (f) => f.guardedInReview,
    call: (f, role) => ({
      method: 'POST',
      path: `/v1/reviews/${preparedOr(f, 'decide', role, f.guardedInReview)}/decision`,
      body: { decision: 'APPROVED', reason: REASON },
    }),
    allowed: { reviewer: 200, admin: 200 },
    expectBody: (body, _f, role) => expect(body).toMatchObject({ decision: 'APPROVED', reason: REASON, decidedBy: SUBS[role] }),
  },
  {
    route: 'POST /v1/reviews/:applicationId/reverify',
    action: 'VERIFICATION_REQUESTED',
    names: (f) => f.guardedInReview,
    call: (f, role) => ({ method: 'POST', path: `/v1/reviews/${preparedOr(f, 'reviewReverify', role, f.guardedInReview)}/reverify` }),
    allowed: { reviewer: 202, admin: 202 },
    expectBody: (body, f, role) => expect(body).toMatchObject({ id: f.prepared.reviewReverify[role], status: 'RECEIVED' }),
  },
  {
    route: 'POST /v1/applications/:id/reverify, once a reviewer decided',
    action: 'VERIFICATION_REQUESTED',
    names: (f) => f.guardedDetermined,
    call: (f, role) => ({
      method: 'POST',
      path: `/v1/applications/${preparedOr(f, 'reverifyDecided', role, f.guardedDetermined)}/reverify`,
    }),
    // Its submitter, intake, may no longer ask: a decision stands. Reviewers and admins may.
    allowed: { intake: 409, reviewer: 202, admin: 202 },
    expectBody: (body, f, role) =>
      role === 'intake'
        ? expect(body.detail).toMatch(/decision stands/)
        : expect(body).toMatchObject({ id: f.prepared.reverifyDecided[role], status: 'RECEIVED' }),
  },
  {
    route: 'POST /v1/reviews/:applicationId/decision, without a claim',
    action: 'DECISION_RECORDED',
    names: (f) => f.guardedInReview,
    call: (f, role) => ({
      method: 'POST',
      path: `/v1/reviews/${preparedOr(f, 'decideUnclaimed', role, f.guardedInReview)}/decision`,
      body: { decision: 'APPROVED', reason: REASON },
    }),
    allowed: { reviewer: 409, admin: 409 },
    expectBody: (body) => expect(body.detail).toMatch(/claim/i),
  },
  {
    route: 'POST /v1/reverification-runs',
    action: 'REVERIFICATION_RUN_STARTED',
    call: (_f, role) => ({ method: 'POST', path: '/v1/reverification-runs', body: (role && QUIET_RUNS[role]) || QUIET_RUN }),
    allowed: { reviewer: 202, admin: 202 },
    expectBody: (body) => expect(body).toEqual({ id: expect.any(String), status: 'SELECTING' }),
  },
  {
    route: 'GET /v1/reverification-runs/:id',
    action: 'REVERIFICATION_RUN_READ',
    call: (f) => ({ method: 'GET', path: `/v1/reverification-runs/${f.run}` }),
    allowed: { reviewer: 200, auditor: 200, admin: 200 },
    expectBody: (body, f) => expect(body).toMatchObject({ id: f.run, ...QUIET_RUN, total: 0 }),
  },
  {
    route: 'GET /v1/audit-events',
    action: 'AUDIT_READ',
    call: () => ({ method: 'GET', path: '/v1/audit-events' }),
    allowed: { auditor: 200, admin: 200 },
    expectBody: (body) => expect(body.items.length).toBeGreaterThan(0),
  },
  {
    route: 'GET /v1/audit-events/verify',
    action: 'AUDIT_READ',
    call: () => ({ method: 'GET', path: '/v1/audit-events/verify' }),
    allowed: { auditor: 200, admin: 200 },
    expectBody: (body) => expect(body).toMatchObject({ valid: true }),
  },
  {
    route: 'GET /v1/audit-events/checkpoint',
    action: 'AUDIT_READ',
    call: () => ({ method: 'GET', path: '/v1/audit-events/checkpoint' }),
    allowed: { auditor: 200, admin: 200 },
    expectBody: (body) => expect(body.payload.sequence).toBeGreaterThan(0),
  },
  {
    route: 'GET /v1/audit-events/keys',
    action: 'AUDIT_READ',
    call: () => ({ method: 'GET', path: '/v1/audit-events/keys' }),
    allowed: { auditor: 200, admin: 200 },
    expectBody: (body) => expect(body.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', kid: expect.any(String) })]),
  },
];

/** The identity provider's keys: one per algorithm the service accepts from it. */
const PROVIDER = { RS256: providerKey('RS256', 'matrix-rsa'), ES256: providerKey('ES256', 'matrix-ec') };
const PROVIDER_KEY_OF: Record<Role, keyof typeof PROVIDER> = { intake: 'RS256', reviewer: 'ES256', auditor: 'RS256', admin: 'ES256' };

const CREDENTIALS = [...refusedCredentials(DEVELOPMENT_JWT_SECRET), ...refusedProviderCredentials(PROVIDER.RS256)];
const unauthenticatedRows = ENDPOINTS.flatMap((endpoint) =>
  CREDENTIALS.map(([label, authorization]) => [endpoint.route, label, endpoint, authorization] as const),
);
const forbiddenRows = ENDPOINTS.flatMap((endpoint) =>
  ROLES.filter((role) => endpoint.allowed[role] === undefined).map((role) => [endpoint.route, role, endpoint] as const),
);
const allowedRows = ENDPOINTS.flatMap((endpoint) =>
  ROLES.filter((role) => endpoint.allowed[role] !== undefined).map(
    (role) => [endpoint.route, role, endpoint.allowed[role]!, endpoint] as const,
  ),
);

describe.each(['sqlite', 'postgres'] as const)('access matrix on %s', (kind) => {
  let t: TestApp;
  let jwks: JwksServer;
  let f: Fixtures;
  const tokens = {} as Record<Role, string>;
  /** Applications with a verification still under way when their test ends: drained before closing. */
  const inFlight: string[] = [];

  /** The audit events a request left, found by its correlation id. */
  const eventsOf = (response: TestResponse) =>
    sqlOf(t)('SELECT actor, role, action, application_id, outcome FROM audit_events WHERE correlation_id = ? ORDER BY sequence', [
      response.headers.get('x-correlation-id'),
    ]);
  const send = (call: Call, authorization: string | undefined): Promise<TestResponse> =>
    t.request(call.method, call.path, { body: call.body, headers: authorization === undefined ? {} : { authorization } });

  beforeAll(async () => {
    jwks = await startJwksServer({ keys: Object.values(PROVIDER) });
    t = await startTestApp(kind, { AUTH_JWKS_URL: jwks.url });
    for (const role of ROLES)
      tokens[role] = providerToken(PROVIDER[PROVIDER_KEY_OF[role]], providerClaims({ sub: SUBS[role], roles: [role] }));
    const settle = (key: string) => settledApplication(t, tokens.intake, tokens.admin, key);
    const both = async (key: string) => {
      const [reviewer, admin] = await Promise.all([settle(key), settle(key)]);
      return { reviewer, admin };
    };
    const three = (key: string) =>
      Promise.all([settle(key), both(key)]).then(([intake, others]) => ({ intake, ...others }) as Record<Role, string>);
    const [readable, guardedDetermined, guardedInReview, reverify, pull, claim, decide, reviewReverify, reverifyDecided, decideUnclaimed] =
      await Promise.all([
        settle(DETERMINED_IN_542523),
        settle(DETERMINED_IN_542523),
        settle(IN_REVIEW_IN_542523),
        three(DETERMINED_IN_542523),
        both(DETERMINED_IN_542523),
        both(IN_REVIEW_IN_542523),
        both(IN_REVIEW_IN_542523),
        both(IN_REVIEW_IN_542523),
        three(IN_REVIEW_IN_542523),
        both(IN_REVIEW_IN_542523),
      ]);
    // Decided by a reviewer outside the matrix, so that each role meets a decision that stands.
    const decider = `Bearer ${t.token('reviewer', 'reviewer-decider')}`;
    for (const id of Object.values(reverifyDecided)) {
      for (const call of [
        { method: 'POST', path: `/v1/reviews/${id}/claim` },
        { method: 'POST', path: `/v1/reviews/${id}/decision`, body: { decision: 'REJECTED', reason: REASON } },
      ]) {
        const answer = await send(call, decider);
        if (answer.status !== 200) throw new Error(`${call.path}: ${answer.status} ${answer.text}`);
      }
    }
    // A decision needs a live claim of the decider's own.
    for (const role of ['reviewer', 'admin'] as const) {
      const claim = await send({ method: 'POST', path: `/v1/reviews/${decide[role]}/claim` }, `Bearer ${tokens[role]}`);
      if (claim.status !== 200) throw new Error(`claim: ${claim.status} ${claim.text}`);
    }
    const run = await t.request('POST', '/v1/reverification-runs', { token: tokens.admin, body: QUIET_RUN });
    if (run.status !== 202) throw new Error(`run: ${run.status} ${run.text}`);
    f = {
      readable,
      guardedDetermined,
      guardedInReview,
      prepared: { reverify, pull, claim, decide, reviewReverify, reverifyDecided, decideUnclaimed },
      run: run.body.id,
    };
    // The audit endpoints show sealed events and signed checkpoints: seal what the fixtures wrote.
    await t.auditSealed();
  });

  afterAll(async () => {
    for (const id of inFlight) await t.waitForDetermination(id, tokens.admin);
    await t.close();
    await jwks.close();
  });

  describe('GET /health', () => {
    const rows: Array<[string, () => string | undefined]> = [
      ...CREDENTIALS.map(([label, authorization]): [string, () => string | undefined] => [label, () => authorization]),
      ...ROLES.map((role): [string, () => string | undefined] => [`a valid ${role} token`, () => `Bearer ${tokens[role]}`]),
    ];
    it.each(rows)('answers 200 with %s: it is public and ignores credentials', async (_label, authorization) => {
      const response = await send({ method: 'GET', path: '/health' }, authorization());
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
    });
  });

  describe('refused', () => {
    let before: { counts: Awaited<ReturnType<typeof rowCounts>>; guarded: unknown[] };
    const guardedState = () =>
      Promise.all(
        [f.guardedDetermined, f.guardedInReview].map(async (id) => {
          const { body } = await t.request('GET', `/v1/applications/${id}`, { token: tokens.admin });
          return { id, status: body.status, verificationId: body.verificationId, decision: body.decision };
        }),
      );

    beforeAll(async () => {
      before = { counts: await rowCounts(t), guarded: await guardedState() };
    });

    it('accepts a hand-forged HS256 token with the right secret, so the forger itself is sound', async () => {
      const token = validJwt(DEVELOPMENT_JWT_SECRET, { sub: SUBS.intake, roles: ['intake'] });
      const response = await send({ method: 'GET', path: `/v1/applications/${f.readable}` }, `Bearer ${token}`);
      expect(response.status).toBe(200);
    });

    it.each(unauthenticatedRows)('%s with %s → 401, and no audit event', async (_route, _label, endpoint, authorization) => {
      const response = await send(endpoint.call(f, null), authorization);
      expectProblem(response, 401);
      expect(await eventsOf(response)).toEqual([]);
    });

    it.each(forbiddenRows)('%s as %s → 403, an audit event DENIED', async (_route, role, endpoint) => {
      const response = await send(endpoint.call(f, null), `Bearer ${tokens[role]}`);
      expectProblem(response, 403);
      expect(await eventsOf(response)).toEqual([
        { actor: SUBS[role], role, action: endpoint.action, application_id: endpoint.names?.(f) ?? null, outcome: 'DENIED' },
      ]);
    });

    it('stored, queued and decided nothing', async () => {
      expect(await rowCounts(t)).toEqual(before.counts);
      expect(await guardedState()).toEqual(before.guarded);
    });
  });

  describe('allowed', () => {
    it.each(allowedRows)('%s as %s → %i', async (route, role, status, endpoint) => {
      const response = await send(endpoint.call(f, role), `Bearer ${tokens[role]}`);
      expect({ status: response.status, body: response.body }).toMatchObject({ status });
      endpoint.expectBody?.(response.body, f, role);
      if (route === 'POST /v1/applications') inFlight.push(response.body.id);
      if (route.includes('/reverify') && status === 202) inFlight.push(response.body.id);
      if (status === 409) {
        const refused = (await eventsOf(response)).filter((event) => event.outcome === 'CONFLICT');
        expect(refused).toEqual([expect.objectContaining({ actor: SUBS[role], action: endpoint.action })]);
      }
    });
  });
});
