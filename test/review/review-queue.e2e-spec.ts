import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/core/time/clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { findingCodesOf, listAll, sandboxCase, sqlOf, submitDetermined } from './review-steps.js';

/** NEEDS_REVIEW cases submitted one after another, so that each is queued after the one before. */
const SEEDED = [
  'individual-business-active-dibao', // MINIMUM_LIVING_ALLOWANCE, 542521
  'relationship-mismatch', // EXTREME_POVERTY_SUPPORT, 542525
  'household-split', // MINIMUM_LIVING_ALLOWANCE, 542521
  'household-member-not-found', // TEMPORARY_ASSISTANCE, 542525
  'name-mismatch', // MINIMUM_LIVING_ALLOWANCE, 542523
] as const;
const CLAIM_MINUTES = 30;
const REASON = 'Registry records confirm the household as declared.';

/**
 * The review queue worked end to end over HTTP, against each database: cases that need review
 * are queued by their determination, listed oldest first, claimed, decided beside the
 * determination, sent back, or pulled in by a reviewer; four eyes and region scoping hold.
 */
describe.each(['sqlite', 'postgres'] as const)('review queue on %s', (kind) => {
  let t: TestApp;
  let sql: ReturnType<typeof sqlOf>;
  let intake: string;
  let reviewerA: string;
  let reviewerB: string;
  const seeded: { key: string; id: string; application: any }[] = [];

  const pending = async (token = reviewerA, filter = '') => (await listAll(t, token, `/v1/reviews?status=PENDING${filter}`)).items;
  const itemOf = async (id: string, token = reviewerA) => (await pending(token)).filter((item) => item.applicationId === id);
  const claim = (id: string, token: string) => t.request('POST', `/v1/reviews/${id}/claim`, { token });
  const decide = (id: string, token: string, body: unknown = { decision: 'APPROVED', reason: REASON }) =>
    t.request('POST', `/v1/reviews/${id}/decision`, { token, body });
  const read = async (id: string, token = reviewerA) => (await t.request('GET', `/v1/applications/${id}`, { token })).body;
  const count = async (table: string, id: string) =>
    Number((await sql(`SELECT COUNT(*) AS n FROM ${table} WHERE application_id = ?`, [id]))[0].n);
  const expectConflict = (response: { status: number; headers: Headers }) => {
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  };
  const expectInvalid = (response: { status: number; body: any }, path: string) => {
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(path);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    sql = sqlOf(t);
    intake = t.token('intake', 'intake-review');
    reviewerA = t.token('reviewer', 'reviewer-a');
    reviewerB = t.token('reviewer', 'reviewer-b');
    for (const key of SEEDED) seeded.push({ key, ...(await submitDetermined(t, intake, key)) });
  });
  afterAll(() => t.close());

  describe('listing', () => {
    it('lists NEEDS_REVIEW cases oldest first, each with its age, outcome and finding codes', async () => {
      const items = await pending();
      const queuedAts = items.map((item) => item.queuedAt as string);
      expect(queuedAts).toEqual([...queuedAts].sort());
      const ids = seeded.map((entry) => entry.id);
      expect(items.map((item) => item.applicationId).filter((id) => ids.includes(id))).toEqual(ids);
      for (const { key, id, application } of seeded) {
        const item = items.find((candidate) => candidate.applicationId === id);
        expect(item).toEqual({
          applicationId: id,
          program: sandboxCase(key).application.program,
          regionCode: sandboxCase(key).application.regionCode,
          applicationStatus: 'IN_REVIEW',
          reviewStatus: 'PENDING',
          origin: 'DETERMINATION',
          requestReason: null,
          outcome: 'NEEDS_REVIEW',
          findingCodes: findingCodesOf(key),
          // Queued by the transaction that stored the determination, at the same instant.
          queuedAt: application.determination.determinedAt,
          ageSeconds: expect.any(Number),
          claimedBy: null,
          claimExpiresAt: null,
        });
        expect(Number.isInteger(item.ageSeconds)).toBe(true);
        expect(item.ageSeconds).toBeGreaterThanOrEqual(0);
        expect(item.ageSeconds).toBeLessThanOrEqual(Math.ceil((Date.now() - Date.parse(item.queuedAt)) / 1000));
      }
    });

    it('orders by the time queued, not by insertion, and counts the age from it', async () => {
      const { id } = await submitDetermined(t, intake, 'name-mismatch');
      const now = new Date();
      const twoHoursAgo = new Date(now.getTime() - 2 * 3600_000 - 500).toISOString();
      await sql(`UPDATE review_items SET queued_at = ? WHERE application_id = ?`, [twoHoursAgo, id]);
      // The service's clock held still, so that the age is what it computes from it, in whole seconds.
      const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(now);
      try {
        const [first] = await pending();
        expect(first.applicationId).toBe(id);
        expect(first.queuedAt).toBe(twoHoursAgo);
        expect(first.ageSeconds).toBe(7200);
      } finally {
        clock.mockRestore();
      }
    });

    it('filters by programme, by region and by both', async () => {
      const byKey = new Map(seeded.map((entry) => [entry.key, entry.id]));
      const tekun = await pending(reviewerA, '&program=EXTREME_POVERTY_SUPPORT');
      expect(tekun.every((item) => item.program === 'EXTREME_POVERTY_SUPPORT')).toBe(true);
      expect(tekun.map((item) => item.applicationId)).toContain(byKey.get('relationship-mismatch'));
      expect(tekun.map((item) => item.applicationId)).not.toContain(byKey.get('household-split'));

      const county = await pending(reviewerA, '&regionCode=542521');
      expect(county.every((item) => item.regionCode === '542521')).toBe(true);
      expect(county.map((item) => item.applicationId)).toEqual([
        byKey.get('individual-business-active-dibao'),
        byKey.get('household-split'),
      ]);

      const both = await pending(reviewerA, '&program=TEMPORARY_ASSISTANCE&regionCode=542525');
      expect(both.map((item) => item.applicationId)).toEqual([byKey.get('household-member-not-found')]);

      const prefecture = await pending(reviewerA, '&regionCode=542500');
      expect(prefecture.map((item) => item.applicationId)).toEqual(expect.arrayContaining([...byKey.values()]));
    });

    it.each([
      ['an unknown programme', 'program=PENSION', 'program'],
      ['a region code that is not 6 digits', 'regionCode=5425', 'regionCode'],
      ['an unknown status', 'status=OPEN', 'status'],
      ['a limit over 100', 'limit=101', 'limit'],
      ['a cursor it never gave out', 'cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ])('refuses %s with 400 naming it', async (_label, query, path) => {
      expectInvalid(await t.request('GET', `/v1/reviews?${query}`, { token: reviewerA }), path);
    });

    it('pages with a cursor, one item at a time, without losing or repeating one', async () => {
      const whole = await listAll(t, reviewerA, '/v1/reviews?status=PENDING', 100);
      const paged = await listAll(t, reviewerA, '/v1/reviews?status=PENDING', 1);
      expect(whole.items.length).toBeGreaterThanOrEqual(SEEDED.length + 1);
      expect(paged.pages).toHaveLength(whole.items.length);
      expect(paged.pages.every((page) => page.items.length === 1)).toBe(true);
      expect(paged.pages.at(-1).nextCursor).toBeNull();
      expect(paged.items.map((item) => item.applicationId)).toEqual(whole.items.map((item) => item.applicationId));

      const filtered = await listAll(t, reviewerA, '/v1/reviews?status=PENDING&regionCode=542521', 1);
      expect(filtered.items.map((item) => item.applicationId)).toEqual(
        (await pending(reviewerA, '&regionCode=542521')).map((item) => item.applicationId),
      );
    });

    it('answers 401 without a token and 403 to intake and auditors', async () => {
      expect((await t.request('GET', '/v1/reviews')).status).toBe(401);
      expect((await t.request('GET', '/v1/reviews', { token: intake })).status).toBe(403);
      expect((await t.request('GET', '/v1/reviews', { token: t.token('auditor', 'auditor-review') })).status).toBe(403);
      expect((await t.request('POST', `/v1/reviews/${seeded[0].id}/claim`, { token: intake })).status).toBe(403);
    });
  });

  describe('claiming and deciding', () => {
    let id: string;
    let before: any;

    beforeAll(async () => {
      ({ id } = await submitDetermined(t, intake, 'name-mismatch'));
      before = await read(id);
    });

    it('gives the claim to the first reviewer, with an expiry', async () => {
      // The service's clock held still: the expiry is exactly REVIEW_CLAIM_MINUTES after the claim.
      const claimedAt = new Date();
      const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(claimedAt);
      const response = await claim(id, reviewerA).finally(() => clock.mockRestore());
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        applicationId: id,
        claimedBy: 'reviewer-a',
        claimExpiresAt: new Date(claimedAt.getTime() + CLAIM_MINUTES * 60_000).toISOString(),
      });
      const [item] = await itemOf(id);
      expect(item).toMatchObject({ claimedBy: 'reviewer-a', claimExpiresAt: response.body.claimExpiresAt });
    });

    it('refuses the claim and the decision of another reviewer while the claim holds (409)', async () => {
      expectConflict(await claim(id, reviewerB));
      expectConflict(await decide(id, reviewerB));
      expect(await count('decisions', id)).toBe(0);
      expect((await itemOf(id))[0].claimedBy).toBe('reviewer-a');
    });

    it.each([
      ['a reason too short to be a sentence', { decision: 'APPROVED', reason: 'ok' }, 'reason'],
      ['no reason', { decision: 'APPROVED' }, 'reason'],
      ['a decision other than APPROVED or REJECTED', { decision: 'MAYBE', reason: REASON }, 'decision'],
      ['an unknown field', { decision: 'APPROVED', reason: REASON, outcome: 'ELIGIBLE' }, 'outcome'],
    ])('refuses %s with 400 naming it, and decides nothing', async (_label, body, path) => {
      expectInvalid(await decide(id, reviewerA, body), path);
      expect(await count('decisions', id)).toBe(0);
      expect((await read(id)).status).toBe('IN_REVIEW');
    });

    it('records the claimant’s decision beside the unchanged determination; the application becomes DECIDED', async () => {
      const response = await decide(id, reviewerA, { decision: 'APPROVED', reason: REASON });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ decision: 'APPROVED', reason: REASON, decidedBy: 'reviewer-a', decidedAt: expect.any(String) });

      const after = await read(id);
      expect(after.status).toBe('DECIDED');
      expect(after.decision).toEqual(response.body);
      expect(after.determination).toEqual(before.determination);
      expect(after.determination.outcome).toBe('NEEDS_REVIEW');
      expect(await count('determinations', id)).toBe(1);
      expect(await count('decisions', id)).toBe(1);
    });

    it('refuses to decide twice, or to claim a decided case (409)', async () => {
      expectConflict(await decide(id, reviewerA, { decision: 'REJECTED', reason: REASON }));
      expectConflict(await decide(id, reviewerB, { decision: 'REJECTED', reason: REASON }));
      expectConflict(await claim(id, reviewerB));
      expect(await count('decisions', id)).toBe(1);
      expect((await read(id)).decision.decision).toBe('APPROVED');
    });

    it('moves the case from the PENDING list to the DECIDED one', async () => {
      expect(await itemOf(id)).toEqual([]);
      const decided = (await listAll(t, reviewerA, '/v1/reviews?status=DECIDED')).items.filter((item) => item.applicationId === id);
      expect(decided).toEqual([
        expect.objectContaining({ reviewStatus: 'DECIDED', applicationStatus: 'DECIDED', outcome: 'NEEDS_REVIEW' }),
      ]);
    });
  });

  it('refuses a decision whose reason is only blanks (400): it is no reason at all', async () => {
    const { id } = await submitDetermined(t, intake, 'name-mismatch');
    expectInvalid(await decide(id, reviewerA, { decision: 'REJECTED', reason: ' '.repeat(12) }), 'reason');
    expect(await count('decisions', id)).toBe(0);
    expect((await read(id)).status).toBe('IN_REVIEW');
  });

  it('returns an expired claim to the queue: another reviewer may claim and decide', async () => {
    const { id } = await submitDetermined(t, intake, 'household-split');
    expect((await claim(id, reviewerA)).status).toBe(200);
    expectConflict(await claim(id, reviewerB));

    // startTestApp offers no way to replace the Clock, and REVIEW_CLAIM_MINUTES is at least one
    // minute: the claim is made to have run out by moving its expiry into the past instead.
    await sql(`UPDATE review_items SET claim_expires_at = ? WHERE application_id = ? AND status = 'PENDING'`, [
      new Date(Date.now() - 1000).toISOString(),
      id,
    ]);
    expect((await itemOf(id))[0]).toMatchObject({ claimedBy: null, claimExpiresAt: null });

    const taken = await claim(id, reviewerB);
    expect(taken.status).toBe(200);
    expect(taken.body.claimedBy).toBe('reviewer-b');
    expectConflict(await decide(id, reviewerA));
    expect((await decide(id, reviewerB, { decision: 'REJECTED', reason: REASON })).status).toBe(200);
    expect((await read(id)).decision).toMatchObject({ decision: 'REJECTED', decidedBy: 'reviewer-b' });
  });

  describe('races', () => {
    const RACED = 8;
    const submitMany = async () =>
      (await Promise.all(Array.from({ length: RACED }, () => submitDetermined(t, intake, 'name-mismatch')))).map((entry) => entry.id);
    const statuses = (responses: { status: number }[]) => responses.map((response) => response.status).sort();

    it('gives a claim to exactly one of two reviewers claiming at once', async () => {
      for (const id of await submitMany()) {
        expect(statuses(await Promise.all([claim(id, reviewerA), claim(id, reviewerB)]))).toEqual([200, 409]);
      }
    });

    it('records exactly one decision when the claimant decides twice at once and another reviewer tries too', async () => {
      for (const id of await submitMany()) {
        expect((await claim(id, reviewerA)).status).toBe(200);
        const raced = await Promise.all([decide(id, reviewerA), decide(id, reviewerA), decide(id, reviewerB)]);
        expect(statuses(raced)).toEqual([200, 409, 409]);
        expect(await count('decisions', id)).toBe(1);
      }
    });

    it('never records a decision over another reviewer’s claim taken while the decision was under way', async () => {
      const ids = await submitMany();
      const outcomes = await Promise.all(
        ids.map(async (id) => {
          const [claimed, decided] = await Promise.all([claim(id, reviewerB), decide(id, reviewerA)]);
          return { id, claim: claimed.status, decision: decided.status };
        }),
      );
      // Exactly one may win: a claim that stands forbids the decision, a decision closes the case to claims.
      expect(outcomes.filter((outcome) => outcome.claim === 200 && outcome.decision === 200)).toEqual([]);
      const overClaims = await sql(
        `SELECT COUNT(*) AS n FROM decisions d JOIN review_items r ON r.id = d.review_item_id
          WHERE r.claimed_by IS NOT NULL AND r.claimed_by <> d.decided_by AND r.claim_expires_at > d.decided_at`,
      );
      expect(Number(overClaims[0].n)).toBe(0);
    });
  });

  describe('four eyes', () => {
    it('refuses the submitter’s claim and decision (409) though its token carries the reviewer role', async () => {
      const both = t.token(['intake', 'reviewer'], 'dual-role');
      const { id } = await submitDetermined(t, both, 'name-mismatch');
      expectConflict(await claim(id, both));
      expectConflict(await decide(id, both));
      expect((await itemOf(id))[0].claimedBy).toBeNull();
      expect(await count('decisions', id)).toBe(0);

      expect((await claim(id, reviewerB)).status).toBe(200);
      expect((await decide(id, reviewerB)).status).toBe(200);
    });

    it('refuses the submitter under a later token that carries the reviewer role alone', async () => {
      const { id } = await submitDetermined(t, t.token('intake', 'staff-x'), 'name-mismatch');
      const sameStaff = t.token('reviewer', 'staff-x');
      expectConflict(await claim(id, sameStaff));
      expectConflict(await decide(id, sameStaff));
      expect(await count('decisions', id)).toBe(0);
    });
  });

  it('sends a case back for re-verification: the item is RETURNED and the new determination queues it afresh', async () => {
    const { id, application } = await submitDetermined(t, intake, 'household-member-migrated-out');
    const firstQueuedAt = application.determination.determinedAt;
    expect((await claim(id, reviewerA)).status).toBe(200);

    const response = await t.request('POST', `/v1/reviews/${id}/reverify`, { token: reviewerA });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id, verificationId: expect.any(String), status: 'RECEIVED' });
    expect(response.body.verificationId).not.toBe(application.verificationId);
    expect((await itemOf(id)).filter((item) => item.queuedAt === firstQueuedAt)).toEqual([]);
    const returned = (await listAll(t, reviewerA, '/v1/reviews?status=RETURNED')).items.filter((item) => item.applicationId === id);
    expect(returned).toEqual([expect.objectContaining({ reviewStatus: 'RETURNED', queuedAt: firstQueuedAt })]);

    const redetermined = (await t.waitForDetermination(id, reviewerA)).body;
    expect(redetermined.verificationId).toBe(response.body.verificationId);
    expect(redetermined.determination.outcome).toBe('NEEDS_REVIEW');
    expect(redetermined.status).toBe('IN_REVIEW');
    const items = await itemOf(id);
    expect(items).toEqual([
      expect.objectContaining({
        origin: 'DETERMINATION',
        reviewStatus: 'PENDING',
        queuedAt: redetermined.determination.determinedAt,
        claimedBy: null,
      }),
    ]);
    expect(items[0].queuedAt).not.toBe(firstQueuedAt);
    expect(await count('determinations', id)).toBe(2);
  });

  it('refuses to send back a case another reviewer has claimed, by either route (409), and changes nothing', async () => {
    const { id, application } = await submitDetermined(t, intake, 'household-member-deceased');
    expect((await claim(id, reviewerA)).status).toBe(200);
    expectConflict(await t.request('POST', `/v1/reviews/${id}/reverify`, { token: reviewerB }));
    expectConflict(await t.request('POST', `/v1/applications/${id}/reverify`, { token: intake }));
    const after = await read(id);
    expect(after.verificationId).toBe(application.verificationId);
    expect(after.status).toBe('IN_REVIEW');
    expect((await itemOf(id))[0]).toMatchObject({ reviewStatus: 'PENDING', claimedBy: 'reviewer-a' });
  });

  describe('pulling a determined application into the queue', () => {
    const pull = (body: unknown, token = reviewerA) => t.request('POST', '/v1/reviews', { token, body });
    const objection = 'The household objects: the vehicle was sold in 2025.';

    it('queues an ELIGIBLE application with origin REQUESTED; it can be claimed and decided', async () => {
      const { id, application } = await submitDetermined(t, intake, 'dibao-eligible-urban');
      const response = await pull({ applicationId: id, reason: objection });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ applicationId: id, status: 'PENDING', queuedAt: expect.any(String) });
      expect((await read(id)).status).toBe('IN_REVIEW');
      expect(await itemOf(id)).toEqual([
        expect.objectContaining({
          origin: 'REQUESTED',
          requestReason: objection,
          outcome: 'ELIGIBLE',
          findingCodes: [],
          applicationStatus: 'IN_REVIEW',
          queuedAt: response.body.queuedAt,
        }),
      ]);

      expect((await claim(id, reviewerB)).status).toBe(200);
      expect((await decide(id, reviewerB, { decision: 'REJECTED', reason: 'The vehicle is still registered to the head.' })).status).toBe(
        200,
      );
      const after = await read(id);
      expect(after.status).toBe('DECIDED');
      expect(after.determination).toEqual(application.determination);
      expect(after.decision).toMatchObject({ decision: 'REJECTED', decidedBy: 'reviewer-b' });

      expectConflict(await pull({ applicationId: id, reason: objection }));
    });

    it('queues an INELIGIBLE application with its finding codes, and refuses it a second time (409)', async () => {
      const { id } = await submitDetermined(t, intake, 'dibao-income-equal-urban-standard');
      expect((await pull({ applicationId: id, reason: objection })).status).toBe(201);
      expect((await itemOf(id))[0]).toMatchObject({ outcome: 'INELIGIBLE', findingCodes: ['INCOME_ABOVE_STANDARD'], origin: 'REQUESTED' });
      expectConflict(await pull({ applicationId: id, reason: objection }));
      expect(await itemOf(id)).toHaveLength(1);
    });

    it('refuses a case already IN_REVIEW (409) and an unknown application (404)', async () => {
      expectConflict(await pull({ applicationId: seeded[0].id, reason: objection }));
      expect(await itemOf(seeded[0].id)).toHaveLength(1);
      expect((await pull({ applicationId: randomUUID(), reason: objection })).status).toBe(404);
    });

    it.each([
      ['a reason too short', { reason: 'no' }, 'reason'],
      ['a reason of blanks only', { reason: ' '.repeat(12) }, 'reason'],
      ['an application id that is not a UUID', { applicationId: 'abc' }, 'applicationId'],
      ['an unknown field', { priority: 'HIGH' }, 'priority'],
    ])('refuses %s with 400 naming it', async (_label, overrides, path) => {
      expectInvalid(await pull({ applicationId: seeded[0].id, reason: objection, ...overrides }), path);
    });

    it('answers 403 to intake', async () => {
      expect((await pull({ applicationId: seeded[0].id, reason: objection }, intake)).status).toBe(403);
    });
  });

  it('refuses to claim an application that is not waiting (409), unknown (404) or not a UUID (404)', async () => {
    const { id } = await submitDetermined(t, intake, 'dibao-income-one-fen-below-urban-standard');
    expectConflict(await claim(id, reviewerA));
    expectConflict(await decide(id, reviewerA));
    expect((await claim(randomUUID(), reviewerA)).status).toBe(404);
    expect((await claim('not-a-uuid', reviewerA)).status).toBe(404);
  });

  describe('region scoping', () => {
    const byKey = (key: string) => seeded.find((entry) => entry.key === key)!.id;

    it('shows a county reviewer only its county’s cases, and a filter cannot widen that', async () => {
      const county = t.token('reviewer', 'reviewer-542523', '542523');
      const items = await pending(county);
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((item) => item.regionCode === '542523')).toBe(true);
      expect(items.map((item) => item.applicationId)).toContain(byKey('name-mismatch'));
      expect(items.map((item) => item.applicationId)).not.toContain(byKey('household-split'));
      expect(await pending(county, '&regionCode=542521')).toEqual([]);
    });

    it('answers 404 to a county reviewer for another county’s case, whatever it tries', async () => {
      const county = t.token('reviewer', 'reviewer-542523', '542523');
      const id = byKey('individual-business-active-dibao');
      expect((await claim(id, county)).status).toBe(404);
      expect((await decide(id, county)).status).toBe(404);
      expect((await t.request('POST', `/v1/reviews/${id}/reverify`, { token: county })).status).toBe(404);
      expect((await t.request('GET', `/v1/applications/${id}`, { token: county })).status).toBe(404);
      const { id: eligible } = await submitDetermined(t, intake, 'enterprise-share-below-allowance');
      const pulled = await t.request('POST', '/v1/reviews', { token: county, body: { applicationId: eligible, reason: REASON } });
      expect(pulled.status).toBe(404);
      expect((await itemOf(id))[0].claimedBy).toBeNull();
    });

    it('shows a prefecture reviewer every county within it', async () => {
      const prefecture = t.token('reviewer', 'reviewer-5425', '542500');
      const ids = (await pending(prefecture)).map((item) => item.applicationId);
      expect(ids).toEqual(expect.arrayContaining([byKey('household-split'), byKey('relationship-mismatch'), byKey('name-mismatch')]));
      const elsewhere = t.token('reviewer', 'reviewer-5401', '540100');
      expect(await pending(elsewhere)).toEqual([]);
    });
  });
});
