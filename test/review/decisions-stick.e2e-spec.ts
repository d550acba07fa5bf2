import { Clock } from '../../src/core/time/clock.js';
import { expectProblem } from '../access/access-fixtures.js';
import { completed, query, waitForRun } from '../reverification/reverification-steps.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';
import { listAll, sqlOf, submitDetermined } from './review-steps.js';

const REASON = 'Household visited; the documents were checked against the registries.';
const OBJECTION = 'The household objects to the automatic determination.';

/**
 * A reviewer's decision sticks. The intake staff member who submitted a case cannot undo it by
 * asking for a re-verification (409, a decision stands); a reviewer in the region, an admin or
 * a run still may, and then the decision stays in force: a new determination that agrees with
 * it leaves the case DECIDED, any other sends it back to the queue until a reviewer decides
 * again. No decision is ever hidden: the application lists them all. A decision needs a live
 * claim of the decider's own.
 */
describe.each(['sqlite', 'postgres'] as const)('decisions stick on %s', (kind) => {
  let t: TestApp;
  let sql: ReturnType<typeof sqlOf>;
  let alice: string;
  let bob: string;
  let carol: string;
  let admin: string;

  const read = async (id: string, token = admin) => (await t.request('GET', `/v1/applications/${id}`, { token })).body;
  const claim = (id: string, token: string) => t.request('POST', `/v1/reviews/${id}/claim`, { token });
  const decide = (id: string, token: string, decision: 'APPROVED' | 'REJECTED') =>
    t.request('POST', `/v1/reviews/${id}/decision`, { token, body: { decision, reason: REASON } });
  const claimAndDecide = async (id: string, token: string, decision: 'APPROVED' | 'REJECTED') => {
    expect((await claim(id, token)).status).toBe(200);
    const decided = await decide(id, token, decision);
    expect(decided.status).toBe(200);
    return decided.body;
  };
  const pull = async (id: string, token = bob) => {
    const pulled = await t.request('POST', '/v1/reviews', { token, body: { applicationId: id, reason: OBJECTION } });
    expect(pulled.status).toBe(201);
  };
  const reverify = (id: string, token: string, route: 'applications' | 'reviews' = 'applications') =>
    t.request('POST', `/v1/${route}/${id}/reverify`, { token });
  /** Re-verifies as `token` and waits for the new determination; answers the application then. */
  const redetermined = async (id: string, token: string) => {
    const response = await reverify(id, token);
    expect(response.status).toBe(202);
    const settled = (await t.waitForDetermination(id, admin)).body;
    expect(settled.verificationId).toBe(response.body.verificationId);
    return settled;
  };
  const pendingItems = async (id: string) =>
    (await listAll(t, admin, '/v1/reviews?status=PENDING')).items.filter((item) => item.applicationId === id);
  const verifications = async (id: string) =>
    Number((await sql('SELECT COUNT(*) AS n FROM verifications WHERE application_id = ?', [id]))[0].n);
  const expectDecisionStands = (response: TestResponse) => {
    expectProblem(response, 409);
    expect(response.body.detail).toMatch(/decision/i);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    sql = sqlOf(t);
    alice = t.token('intake', 'alice');
    bob = t.token('reviewer', 'bob', '542500');
    carol = t.token('reviewer', 'carol', '542523');
    admin = t.token('admin', 'admin-decisions');
  });
  afterAll(async () => {
    await t.queuesDrained();
    await t.close();
  });

  describe('the submitter cannot undo a decision', () => {
    let id: string;
    let decided: any;

    beforeAll(async () => {
      ({ id } = await submitDetermined(t, alice, 'name-mismatch'));
      await claimAndDecide(id, bob, 'REJECTED');
      decided = await read(id);
    });

    it('refuses alice’s re-verification with 409 saying a decision stands, as often as she asks, and changes nothing', async () => {
      for (let attempt = 0; attempt < 3; attempt++) expectDecisionStands(await reverify(id, alice));
      expect(await verifications(id)).toBe(1);
      expect(await read(id)).toEqual({ ...decided, updatedAt: decided.updatedAt });
      expect(await read(id, alice)).toMatchObject({ status: 'DECIDED', decision: { decision: 'REJECTED', decidedBy: 'bob' } });
      expect(await pendingItems(id)).toEqual([]);
    });

    it('refuses her the reviewers’ route (403) and, holding a reviewer role as well, the re-verification of what she submitted (409)', async () => {
      expectProblem(await reverify(id, alice, 'reviews'), 403);
      const aliceAlsoReviewer = t.token(['intake', 'reviewer'], 'alice');
      expectDecisionStands(await reverify(id, aliceAlsoReviewer));
      expectDecisionStands(await reverify(id, aliceAlsoReviewer, 'reviews'));
      expect(await verifications(id)).toBe(1);
    });

    it('lets a reviewer of the region re-verify it; the decision stays in force while it runs and after a NEEDS_REVIEW', async () => {
      const response = await reverify(id, carol);
      expect(response.status).toBe(202);
      const during = await read(id);
      expect(during.decision).toEqual(decided.decision);
      const settled = (await t.waitForDetermination(id, admin)).body;
      expect(settled.determination.outcome).toBe('NEEDS_REVIEW');
      expect(settled).toMatchObject({ status: 'IN_REVIEW', decision: decided.decision });
      expect(await pendingItems(id)).toEqual([expect.objectContaining({ reviewStatus: 'PENDING', outcome: 'NEEDS_REVIEW' })]);

      // The log lists sealed events only.
      await t.auditSealed();
      const requested = await listAll(t, admin, `/v1/audit-events?action=VERIFICATION_REQUESTED&applicationId=${id}`);
      // Alice's refused attempts are there too (CONFLICT, and DENIED on the reviewers' route); the verifications asked for are hers and carol's.
      const refused = ['CONFLICT', 'DENIED'];
      const started = requested.items.filter((event) => !refused.includes(event.outcome));
      expect(started.map(({ actor, role }) => ({ actor, role }))).toEqual([
        { actor: 'alice', role: 'intake' },
        { actor: 'carol', role: 'reviewer' },
      ]);
      expect(requested.items.filter((event) => refused.includes(event.outcome)).map(({ actor, outcome }) => `${actor} ${outcome}`)).toEqual(
        [...Array(3).fill('alice CONFLICT'), 'alice DENIED', ...Array(2).fill('alice CONFLICT')],
      );
    });

    it('still refuses alice while the case is back in the queue', async () => {
      expectDecisionStands(await reverify(id, alice));
    });

    it('puts the next reviewer’s decision in force and lists both, oldest first, each with the verification it was made on', async () => {
      const first = await read(id);
      const second = await claimAndDecide(id, t.token('reviewer', 'dave'), 'APPROVED');
      const after = await read(id);
      expect(after.status).toBe('DECIDED');
      expect(after.decision).toEqual(second);
      const determinations = await sql('SELECT id, verification_id FROM determinations WHERE application_id = ? ORDER BY determined_at', [
        id,
      ]);
      expect(determinations).toHaveLength(2);
      expect(after.decisions).toEqual([
        { ...decided.decision, verificationId: determinations[0].verification_id, determinationId: determinations[0].id },
        { ...second, verificationId: determinations[1].verification_id, determinationId: determinations[1].id },
      ]);
      expect(after.decisions[1].verificationId).toBe(first.verificationId);
    });
  });

  describe('a later determination against the decision in force', () => {
    it('leaves an APPROVED decision in force, DECIDED, when the new determination is ELIGIBLE', async () => {
      const { id } = await submitDetermined(t, alice, 'dibao-eligible-urban');
      await pull(id);
      const approved = await claimAndDecide(id, carol, 'APPROVED');
      const after = await redetermined(id, admin);
      expect(after).toMatchObject({ status: 'DECIDED', decision: approved, determination: { outcome: 'ELIGIBLE' } });
      expect(after.decisions).toHaveLength(1);
      expect(await pendingItems(id)).toEqual([]);
    });

    it('leaves a REJECTED decision in force, DECIDED, when the new determination is INELIGIBLE', async () => {
      const { id } = await submitDetermined(t, alice, 'dibao-income-equal-urban-standard');
      await pull(id);
      const rejected = await claimAndDecide(id, carol, 'REJECTED');
      const after = await redetermined(id, bob);
      expect(after).toMatchObject({ status: 'DECIDED', decision: rejected, determination: { outcome: 'INELIGIBLE' } });
      expect(await pendingItems(id)).toEqual([]);
    });

    it('sends a REJECTED case back to the queue, the decision in force, when the new determination is ELIGIBLE', async () => {
      const { id } = await submitDetermined(t, alice, 'dibao-eligible-urban');
      await pull(id);
      const rejected = await claimAndDecide(id, carol, 'REJECTED');
      const after = await redetermined(id, admin);
      expect(after).toMatchObject({ status: 'IN_REVIEW', decision: rejected, determination: { outcome: 'ELIGIBLE' } });
      expect(await pendingItems(id)).toEqual([
        expect.objectContaining({ origin: 'DECISION_CONTRADICTED', outcome: 'ELIGIBLE', reviewStatus: 'PENDING' }),
      ]);
      // Pulling it in again, or sending it back by the reviewers' route, neither hides nor replaces the decision.
      expect((await t.request('POST', '/v1/reviews', { token: bob, body: { applicationId: id, reason: OBJECTION } })).status).toBe(409);
      expect((await read(id)).decision).toEqual(rejected);
    });
  });

  describe('enrolment follows the decision in force', () => {
    it('re-verifies an APPROVED household, not a REJECTED one whose later ELIGIBLE determination waits for a reviewer', async () => {
      // County 542524, minimum living allowance: only these two households.
      const { id: approved } = await submitDetermined(t, alice, 'dibao-income-one-fen-below-rural-standard');
      const { id: rejected } = await submitDetermined(t, alice, 'dibao-income-one-fen-below-rural-standard');
      await pull(approved);
      await pull(rejected);
      const approval = await claimAndDecide(approved, bob, 'APPROVED');
      const rejection = await claimAndDecide(rejected, bob, 'REJECTED');
      expect((await redetermined(rejected, admin)).status).toBe('IN_REVIEW');

      const run = await t.request('POST', '/v1/reverification-runs', {
        token: admin,
        body: { regionCode: '542524', program: 'MINIMUM_LIVING_ALLOWANCE' },
      });
      expect(run.status).toBe(202);
      const finished = await waitForRun(t, run.body.id, admin, completed);
      expect(finished).toMatchObject({ total: 1, done: 1, skipped: 0 });
      const items = await query(t, 'SELECT application_id, previous_decision FROM reverification_run_items WHERE run_id = $1', [
        run.body.id,
      ]);
      expect(items).toEqual([{ application_id: approved, previous_decision: 'APPROVED' }]);

      const after = await read(approved);
      expect(after).toMatchObject({ status: 'DECIDED', decision: approval, determination: { outcome: 'ELIGIBLE' } });
      expect(await verifications(approved)).toBe(2);
      expect((await read(rejected)).decision).toEqual(rejection);
    });
  });

  describe('a decision needs a live claim of the decider’s own', () => {
    let id: string;
    beforeAll(async () => {
      ({ id } = await submitDetermined(t, alice, 'household-member-migrated-out'));
    });

    it('refuses a decision without a claim (409, saying to claim first) and records none', async () => {
      const response = await decide(id, bob, 'APPROVED');
      expectProblem(response, 409);
      expect(response.body.detail).toMatch(/claim/i);
      expect((await read(id)).decisions).toEqual([]);
    });

    it('refuses a decision under another reviewer’s claim', async () => {
      expect((await claim(id, carol)).status).toBe(200);
      const response = await decide(id, bob, 'APPROVED');
      expectProblem(response, 409);
      expect(response.body.detail).toMatch(/another reviewer/i);
    });

    it('refuses a decision once the decider’s own claim has expired (409, saying so), and takes it after a new claim', async () => {
      const clock = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + 31 * 60_000));
      try {
        const response = await decide(id, carol, 'APPROVED');
        expectProblem(response, 409);
        expect(response.body.detail).toMatch(/expired/i);
        expect((await read(id)).decisions).toEqual([]);
        expect((await claim(id, carol)).status).toBe(200);
        expect((await decide(id, carol, 'APPROVED')).status).toBe(200);
      } finally {
        clock.mockRestore();
      }
      expect((await read(id)).decision).toMatchObject({ decision: 'APPROVED', decidedBy: 'carol' });
    });
  });
});
