import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/modules/auth/principal.js';
import { member, validApplication } from '../fixtures/application-bodies.js';
import { sqlOf } from '../review/review-steps.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';
import {
  DETERMINED_IN_542523,
  expectProblem,
  IN_REVIEW_IN_542521,
  IN_REVIEW_IN_542523,
  rowCounts,
  settledApplication,
} from './access-fixtures.js';

/**
 * Object level: who reaches which application (intake: what it submitted; everyone: its token's
 * region), answered 404 exactly as for an application that does not exist. Property level: a
 * client cannot set what the service decides. Four eyes: nobody reviews what they submitted.
 */

const REASON = 'Checked the household documents in person at the township office.';

describe.each(['sqlite', 'postgres'] as const)('object- and property-level access on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let intakeA: string;
  let intakeB: string;
  /** Submitted by intake A in county 542523: one waiting for review, one determined automatically. */
  let inReview523: string;
  let determined523: string;
  /** Submitted by intake A in county 542521, waiting for review: what the county reviewer does reach. */
  let inReview521: string;
  /** Intake B's own application. */
  let ownOfB: string;

  const token = (roles: Role | Role[], sub: string, region?: string) => t.token(roles, sub, region);
  const get = (id: string, as: string) => t.request('GET', `/v1/applications/${id}`, { token: as });
  const listedIds = async (path: string, as: string, key = 'id'): Promise<string[]> => {
    const response = await t.request('GET', path, { token: as });
    expect(response.status).toBe(200);
    return response.body.items.map((item: Record<string, string>) => item[key]);
  };
  /** What the admin sees of an application: the parts a refused request must leave as they were. */
  const stateOf = async (id: string) => {
    const { body } = await get(id, admin);
    return { status: body.status, verificationId: body.verificationId, decision: body.decision };
  };
  /** The queue's view of a case, less its age, which grows on its own between two reads. */
  const reviewItem = async (id: string) => {
    const { body } = await t.request('GET', '/v1/reviews?limit=100', { token: admin });
    const item = body.items.find((candidate: { applicationId: string }) => candidate.applicationId === id);
    if (!item) return item;
    const { ageSeconds: _age, ...rest } = item;
    return rest;
  };
  /** A refusal for reach must be indistinguishable from the answer about an id that does not exist. */
  const expectNotFoundLikeMissing = async (response: TestResponse, missing: () => Promise<TestResponse>) => {
    expectProblem(response, 404);
    expect(response.body).toEqual((await missing()).body);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = t.token('admin', 'admin-z');
    intakeA = t.token('intake', 'intake-a');
    intakeB = t.token('intake', 'intake-b');
    [inReview523, determined523, inReview521, ownOfB] = await Promise.all([
      settledApplication(t, intakeA, admin, IN_REVIEW_IN_542523),
      settledApplication(t, intakeA, admin, DETERMINED_IN_542523),
      settledApplication(t, intakeA, admin, IN_REVIEW_IN_542521),
      settledApplication(t, intakeB, admin, DETERMINED_IN_542523),
    ]);
  });
  afterAll(() => t.close());

  describe('intake reaches only the applications it submitted', () => {
    it('lets intake A read its own application (the control)', async () => {
      expect((await get(inReview523, intakeA)).status).toBe(200);
    });

    it('answers intake B reading intake A’s application with 404, as for one that does not exist', async () => {
      await expectNotFoundLikeMissing(await get(inReview523, intakeB), () => get(randomUUID(), intakeB));
    });

    it.each([
      ['unfiltered', '/v1/applications?limit=100'],
      ['filtered on A’s county', '/v1/applications?limit=100&regionCode=542523'],
      ['filtered on IN_REVIEW', '/v1/applications?limit=100&status=IN_REVIEW'],
    ])('leaves intake A’s applications out of intake B’s list (%s)', async (label, path) => {
      const ids = await listedIds(path, intakeB);
      expect(ids).not.toContain(inReview523);
      expect(ids).not.toContain(determined523);
      expect(ids).not.toContain(inReview521);
      if (label !== 'filtered on IN_REVIEW') expect(ids).toContain(ownOfB);
    });

    it('answers intake B re-verifying intake A’s application with 404 and queues nothing', async () => {
      const before = await stateOf(determined523);
      const response = await t.request('POST', `/v1/applications/${determined523}/reverify`, { token: intakeB });
      await expectNotFoundLikeMissing(response, () => t.request('POST', `/v1/applications/${randomUUID()}/reverify`, { token: intakeB }));
      expect(await stateOf(determined523)).toEqual(before);
    });

    it('holds intake A to its region claim even for what it submitted', async () => {
      const regional = token('intake', 'intake-a', '542521');
      expectProblem(await get(inReview523, regional), 404);
      expect(await listedIds('/v1/applications?limit=100', regional)).not.toContain(inReview523);
      expect(await listedIds('/v1/applications?limit=100', regional)).toContain(inReview521);
    });

    it('does not let a second role widen what intake may change: [intake, auditor] re-verifying another’s application → 404', async () => {
      // auditor reads everything but changes nothing; intake changes only its own. Neither grants this.
      const both = token(['intake', 'auditor'], 'intake-b');
      const before = await stateOf(determined523);
      const response = await t.request('POST', `/v1/applications/${determined523}/reverify`, { token: both });
      if (response.status === 202) await t.waitForDetermination(determined523, admin);
      expectProblem(response, 404);
      expect(await stateOf(determined523)).toEqual(before);
    });
  });

  describe('a county reviewer (542521) does not reach county 542523', () => {
    let county: string;
    let before: Record<string, unknown>;

    beforeAll(async () => {
      county = token('reviewer', 'reviewer-521', '542521');
      before = { inReview: await stateOf(inReview523), determined: await stateOf(determined523), item: await reviewItem(inReview523) };
    });

    it('reaches its own county (the control)', async () => {
      expect((await get(inReview521, county)).status).toBe(200);
    });

    it('GET /v1/applications/:id → 404, as for one that does not exist', async () => {
      await expectNotFoundLikeMissing(await get(inReview523, county), () => get(randomUUID(), county));
    });

    it.each<[string, string, unknown]>([
      ['POST /v1/reviews/:id/claim', '/v1/reviews/:id/claim', undefined],
      ['POST /v1/reviews/:id/decision', '/v1/reviews/:id/decision', { decision: 'APPROVED', reason: REASON }],
      ['POST /v1/reviews/:id/reverify', '/v1/reviews/:id/reverify', undefined],
      ['POST /v1/applications/:id/reverify', '/v1/applications/:id/reverify', undefined],
    ])('%s → 404, as for one that does not exist', async (_route, path, body) => {
      const send = (id: string) => t.request('POST', path.replace(':id', id), { token: county, body });
      await expectNotFoundLikeMissing(await send(inReview523), () => send(randomUUID()));
    });

    it('POST /v1/reviews on a determined application of 542523 → 404', async () => {
      const send = (applicationId: string) => t.request('POST', '/v1/reviews', { token: county, body: { applicationId, reason: REASON } });
      await expectNotFoundLikeMissing(await send(determined523), () => send(randomUUID()));
    });

    it.each([
      ['unfiltered', '/v1/reviews?limit=100'],
      ['filtered on 542523', '/v1/reviews?limit=100&regionCode=542523'],
    ])('leaves 542523 out of GET /v1/reviews (%s)', async (label, path) => {
      const ids = await listedIds(path, county, 'applicationId');
      expect(ids).not.toContain(inReview523);
      if (label === 'unfiltered') expect(ids).toContain(inReview521);
    });

    it.each([
      ['unfiltered', '/v1/applications?limit=100'],
      ['filtered on 542523', '/v1/applications?limit=100&regionCode=542523'],
      ['filtered on the prefecture 542500', '/v1/applications?limit=100&regionCode=542500'],
    ])('leaves 542523 out of GET /v1/applications (%s)', async (label, path) => {
      const ids = await listedIds(path, county);
      expect(ids.filter((id) => [inReview523, determined523, ownOfB].includes(id))).toEqual([]);
      if (label !== 'filtered on 542523') expect(ids).toContain(inReview521);
    });

    it('changed nothing in 542523 by trying', async () => {
      expect({
        inReview: await stateOf(inReview523),
        determined: await stateOf(determined523),
        item: await reviewItem(inReview523),
      }).toEqual(before);
    });

    it('holds an auditor and a reviewer of another prefecture to their regions as well', async () => {
      const auditor = token('auditor', 'auditor-521', '542521');
      expectProblem(await get(inReview523, auditor), 404);
      expect((await listedIds('/v1/applications?limit=100', auditor)).filter((id) => id === inReview523)).toEqual([]);
      expectProblem(await get(inReview523, token('reviewer', 'reviewer-5424', '542400')), 404);
    });
  });

  describe('a prefecture (542500) or province (540000) reviewer reaches county 542523', () => {
    let prefecture: string;
    beforeAll(() => {
      prefecture = token('reviewer', 'reviewer-5425', '542500');
    });

    it('reads it and finds it in both lists', async () => {
      expect((await get(inReview523, prefecture)).status).toBe(200);
      expect(await listedIds('/v1/applications?limit=100', prefecture)).toEqual(expect.arrayContaining([inReview523, inReview521]));
      expect(await listedIds('/v1/reviews?limit=100', prefecture, 'applicationId')).toContain(inReview523);
    });

    it('claims and decides it', async () => {
      const claim = await t.request('POST', `/v1/reviews/${inReview523}/claim`, { token: prefecture });
      expect({ status: claim.status, body: claim.body }).toMatchObject({ status: 200, body: { claimedBy: 'reviewer-5425' } });
      const decision = await t.request('POST', `/v1/reviews/${inReview523}/decision`, {
        token: prefecture,
        body: { decision: 'REJECTED', reason: REASON },
      });
      expect(decision.status).toBe(200);
      expect(await stateOf(inReview523)).toMatchObject({
        status: 'DECIDED',
        decision: { decision: 'REJECTED', decidedBy: 'reviewer-5425' },
      });
    });

    it('reaches it from the province (540000) too', async () => {
      expect((await get(inReview523, token('reviewer', 'reviewer-54', '540000'))).status).toBe(200);
    });
  });

  describe('property level: a client cannot set what the service decides', () => {
    const [head, spouse] = validApplication().members;

    it.each([
      ['status', { status: 'DECIDED' }],
      ['outcome', { outcome: 'ELIGIBLE' }],
      ['decision', { decision: { decision: 'APPROVED', reason: REASON } }],
      ['determination', { determination: { outcome: 'ELIGIBLE', findings: [] } }],
      ['id', { id: randomUUID() }],
      ['submittedBy', { submittedBy: 'someone-else' }],
      ['verificationId', { verificationId: randomUUID() }],
      ['checks', { checks: [] }],
    ])('refuses a submission carrying %s with 400 naming it, and stores nothing', async (field, extra) => {
      const before = await rowCounts(t);
      const response = await t.request('POST', '/v1/applications', { token: intakeA, body: { ...validApplication(), ...extra } });
      expectProblem(response, 400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual([field]);
      expect(await rowCounts(t)).toEqual(before);
    });

    it('refuses a member carrying a status with 400 naming members[0].status, and stores nothing', async () => {
      const before = await rowCounts(t);
      const body = validApplication({ members: [member({ ...head, status: 'ELIGIBLE' }), spouse] });
      const response = await t.request('POST', '/v1/applications', { token: intakeA, body });
      expectProblem(response, 400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['members[0].status']);
      expect(await rowCounts(t)).toEqual(before);
    });

    it('refuses a decision naming its own decidedBy with 400, and records nothing', async () => {
      const county = token('reviewer', 'reviewer-521', '542521');
      const before = await stateOf(inReview521);
      const response = await t.request('POST', `/v1/reviews/${inReview521}/decision`, {
        token: county,
        body: { decision: 'APPROVED', reason: REASON, decidedBy: 'someone-else' },
      });
      expectProblem(response, 400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['decidedBy']);
      expect(await stateOf(inReview521)).toEqual(before);
    });

    it('refuses a review request carrying a status with 400, and moves nothing', async () => {
      const before = await stateOf(determined523);
      const response = await t.request('POST', '/v1/reviews', {
        token: admin,
        body: { applicationId: determined523, reason: REASON, status: 'DECIDED' },
      });
      expectProblem(response, 400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['status']);
      expect(await stateOf(determined523)).toEqual(before);
    });
  });

  describe('four eyes: nobody claims or decides what they submitted', () => {
    let dual: string;
    let ownCase: string;

    beforeAll(async () => {
      dual = token(['intake', 'reviewer'], 'dual-d');
      ownCase = await settledApplication(t, dual, admin, IN_REVIEW_IN_542523);
    });

    it('refuses the claim with 409', async () => {
      expectProblem(await t.request('POST', `/v1/reviews/${ownCase}/claim`, { token: dual }), 409);
      expect(await reviewItem(ownCase)).toMatchObject({ reviewStatus: 'PENDING', claimedBy: null });
    });

    it('refuses the decision with 409', async () => {
      const response = await t.request('POST', `/v1/reviews/${ownCase}/decision`, {
        token: dual,
        body: { decision: 'APPROVED', reason: REASON },
      });
      expectProblem(response, 409);
      expect(await stateOf(ownCase)).toMatchObject({ status: 'IN_REVIEW', decision: null });
    });

    it('leaves the case to another reviewer, who may claim and decide it (the 409s were not about its state)', async () => {
      const other = token('reviewer', 'reviewer-other');
      expect((await t.request('POST', `/v1/reviews/${ownCase}/claim`, { token: other })).status).toBe(200);
      const decision = await t.request('POST', `/v1/reviews/${ownCase}/decision`, {
        token: other,
        body: { decision: 'APPROVED', reason: REASON },
      });
      expect(decision.status).toBe(200);
      expect(await stateOf(ownCase)).toMatchObject({ status: 'DECIDED', decision: { decidedBy: 'reviewer-other' } });
    });

    it('holds admin to it as well', async () => {
      const adminSelf = token('admin', 'admin-self');
      const id = await settledApplication(t, adminSelf, admin, IN_REVIEW_IN_542523);
      expectProblem(await t.request('POST', `/v1/reviews/${id}/claim`, { token: adminSelf }), 409);
      const decision = await t.request('POST', `/v1/reviews/${id}/decision`, {
        token: adminSelf,
        body: { decision: 'APPROVED', reason: REASON },
      });
      expectProblem(decision, 409);
      expect(await stateOf(id)).toMatchObject({ status: 'IN_REVIEW', decision: null });
    });
  });
  describe('the rules of issue 10, for every role with and without a region claim', () => {
    type Region = 'none' | '542500' | '542521';
    const ROLES: Role[] = ['intake', 'reviewer', 'auditor', 'admin'];
    const REGIONS: Region[] = ['none', '542500', '542521'];
    /** The staff member per role: intake is intake-a, who submitted every application here. */
    const SUB: Record<Role, string> = { intake: 'intake-a', reviewer: 'reviewer-10', auditor: 'auditor-10', admin: 'admin-10' };
    const as = (role: Role, region: Region) => token(role, SUB[role], region === 'none' ? undefined : region);
    /** 542500 covers county 542523; 542521 does not, and out of reach is 404. */
    const reaches = (region: Region) => region !== '542521';
    const eventsOf = (response: TestResponse) =>
      sqlOf(t)('SELECT actor, action, application_id, outcome FROM audit_events WHERE correlation_id = ?', [
        response.headers.get('x-correlation-id'),
      ]);

    /** A case in 542523 that a reviewer rejected; one per row that re-verifies it, so that each starts afresh. */
    let decidedShared: string;
    const decidedFor: Partial<Record<string, string>> = {};
    /** A case in 542523 waiting for review, claimed by nobody. */
    let unclaimed: string;

    const decidedCase = async () => {
      const id = await settledApplication(t, intakeA, admin, IN_REVIEW_IN_542523);
      const decider = token('reviewer', 'reviewer-decider');
      expect((await t.request('POST', `/v1/reviews/${id}/claim`, { token: decider })).status).toBe(200);
      const decided = await t.request('POST', `/v1/reviews/${id}/decision`, {
        token: decider,
        body: { decision: 'REJECTED', reason: REASON },
      });
      expect(decided.status).toBe(200);
      return id;
    };
    const reverifyStatus = (role: Role, region: Region) => {
      if (role === 'auditor') return 403;
      if (!reaches(region)) return 404;
      return role === 'intake' ? 409 : 202;
    };

    beforeAll(async () => {
      [decidedShared, unclaimed] = await Promise.all([decidedCase(), settledApplication(t, intakeA, admin, IN_REVIEW_IN_542523)]);
      for (const role of ROLES)
        for (const region of REGIONS) if (reverifyStatus(role, region) === 202) decidedFor[`${role}:${region}`] = await decidedCase();
    });

    const rows = ROLES.flatMap((role) => REGIONS.map((region) => [role, region] as const));

    it.each(rows)('a submission for 542523 as %s with region %s', async (role, region) => {
      const response = await t.request('POST', '/v1/applications', {
        token: as(role, region),
        body: validApplication({ regionCode: '542523' }),
      });
      const admitted = role === 'intake' || role === 'admin';
      const expected = !admitted ? 403 : reaches(region) ? 202 : 403;
      expect(response.status).toBe(expected);
      if (expected === 403) {
        expectProblem(response, 403);
        if (admitted) expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['regionCode']);
        expect(await eventsOf(response)).toEqual([
          { actor: SUB[role], action: 'APPLICATION_SUBMITTED', application_id: null, outcome: 'DENIED' },
        ]);
      } else {
        await t.waitForDetermination(response.body.id, admin);
      }
    });

    it.each(rows)('a re-verification of a decided case as %s with region %s', async (role, region) => {
      const id = decidedFor[`${role}:${region}`] ?? decidedShared;
      const response = await t.request('POST', `/v1/applications/${id}/reverify`, { token: as(role, region) });
      const expected = reverifyStatus(role, region);
      expect(response.status).toBe(expected);
      if (expected === 202) {
        const after = (await t.waitForDetermination(id, admin)).body;
        // The decision stays in force; the NEEDS_REVIEW determination sends the case back to the queue.
        expect(after).toMatchObject({ status: 'IN_REVIEW', decision: { decision: 'REJECTED', decidedBy: 'reviewer-decider' } });
        return;
      }
      expectProblem(response, expected);
      const recorded = await eventsOf(response);
      if (expected === 404) expect(recorded).toEqual([]);
      else {
        expect(recorded).toEqual([
          {
            actor: SUB[role],
            action: 'VERIFICATION_REQUESTED',
            // Named only where the caller reaches it: a refusal never tells which ids exist beyond.
            application_id: reaches(region) ? id : null,
            outcome: expected === 403 ? 'DENIED' : 'CONFLICT',
          },
        ]);
      }
      expect(await stateOf(decidedShared)).toMatchObject({ status: 'DECIDED', decision: { decision: 'REJECTED' } });
    });

    it.each(rows)('a decision without a claim as %s with region %s', async (role, region) => {
      const response = await t.request('POST', `/v1/reviews/${unclaimed}/decision`, {
        token: as(role, region),
        body: { decision: 'APPROVED', reason: REASON },
      });
      const expected = role === 'intake' || role === 'auditor' ? 403 : reaches(region) ? 409 : 404;
      expectProblem(response, expected);
      if (expected === 409) expect(response.body.detail).toMatch(/claim/i);
      const recorded = await eventsOf(response);
      expect(recorded).toEqual(
        expected === 404
          ? []
          : [
              {
                actor: SUB[role],
                action: 'DECISION_RECORDED',
                // Named only where the caller reaches it (intake-a submitted it; a county token of 542521 does not reach it).
                application_id: reaches(region) ? unclaimed : null,
                outcome: expected === 403 ? 'DENIED' : 'CONFLICT',
              },
            ],
      );
      expect(await stateOf(unclaimed)).toMatchObject({ status: 'IN_REVIEW', decision: null });
    });
  });
});
