import { randomUUID } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import { idNumber, member, validApplication } from '../fixtures/application-bodies.js';
import { listAll, sandboxCase } from '../review/review-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { auditTable, GENESIS, sealOf, waitForAuditedDetermination } from './audit-steps.js';

const REASON = 'Registry records confirm the household as declared.';
const EVENT_FIELDS = ['sequence', 'at', 'actor', 'role', 'action', 'applicationId', 'correlationId', 'outcome', 'previousHash', 'hash'];

/**
 * The audit log as an auditor uses it, against each database: one event per change and per
 * read of personal data, with who, which role, which request and how it went; filters and
 * pages; never a name or an identity number; and a hash chain that can be recomputed here,
 * independently of the service's code.
 */
describe.each(['sqlite', 'postgres'] as const)('audit log on %s', (kind) => {
  let t: TestApp;
  let intake: string;
  let reviewer: string;
  let auditor: string;
  let id: string;
  let policyVersion: string;
  /** Every household this file submits, to look for its names and identity numbers afterwards. */
  const households: { name: string; idNumber: string }[][] = [];
  const submitted: string[] = [];

  const submit = async (body: { members: object[] }, token = intake, correlationId?: string) => {
    const response = await t.request('POST', '/v1/applications', {
      token,
      body,
      headers: correlationId ? { 'x-correlation-id': correlationId } : {},
    });
    if (response.status !== 202) throw new Error(`submit: ${response.status} ${response.text}`);
    households.push(body.members as { name: string; idNumber: string }[]);
    submitted.push(response.body.id);
    await waitForAuditedDetermination(t, auditor, response.body.id);
    return response.body.id as string;
  };
  /** Events as listed, once everything committed so far is sealed. */
  const events = async (query: string) => {
    await t.auditSealed();
    return (await listAll(t, auditor, `/v1/audit-events?${query}`)).items;
  };
  // Correlation ids are UUIDs: the service takes no other kind from a caller.
  const as = (token: string, correlationId: string) => ({ token, headers: { 'x-correlation-id': correlationId } });

  beforeAll(async () => {
    t = await startTestApp(kind);
    intake = t.token('intake', 'intake-audit');
    reviewer = t.token('reviewer', 'reviewer-audit');
    auditor = t.token('auditor', 'auditor-audit');

    id = await submit(sandboxCase('name-mismatch').application, intake, '59da7deb-8ad6-4cc2-a596-fad44a66f812');
    const read = await t.request('GET', `/v1/applications/${id}`, as(reviewer, '52f27e18-54a0-4674-a6b0-e2ded94e77cd'));
    expect(read.headers.get('x-correlation-id')).toBe('52f27e18-54a0-4674-a6b0-e2ded94e77cd');
    policyVersion = read.body.determination.policyVersion;
    expect((await t.request('POST', `/v1/reviews/${id}/claim`, as(reviewer, '624d8f72-b8ea-47f9-a7fb-5dd1f5524a1d'))).status).toBe(200);
    const decision = await t.request('POST', `/v1/reviews/${id}/decision`, {
      ...as(reviewer, '565d2c7c-df0c-4fb2-a315-86444e295d92'),
      body: { decision: 'APPROVED', reason: REASON },
    });
    expect(decision.status).toBe(200);
  });
  afterAll(() => t.close());

  it('lists an application’s trail oldest first: submission, verification, each registry, determination, read, claim, decision', async () => {
    const trail = await events(`applicationId=${id}`);
    const system = { actor: 'system', role: 'system', correlationId: '59da7deb-8ad6-4cc2-a596-fad44a66f812', applicationId: id };
    expect(trail.map(({ sequence, at, previousHash, hash, ...rest }) => rest)).toEqual([
      {
        actor: 'intake-audit',
        role: 'intake',
        action: 'APPLICATION_SUBMITTED',
        applicationId: id,
        correlationId: '59da7deb-8ad6-4cc2-a596-fad44a66f812',
        outcome: 'RECEIVED',
      },
      {
        actor: 'intake-audit',
        role: 'intake',
        action: 'VERIFICATION_REQUESTED',
        applicationId: id,
        correlationId: '59da7deb-8ad6-4cc2-a596-fad44a66f812',
        outcome: policyVersion,
      },
      { ...system, action: 'REGISTRY_CONSULTED', outcome: expect.stringMatching(/^[A-Z_]+:SUCCEEDED$/) },
      { ...system, action: 'REGISTRY_CONSULTED', outcome: expect.stringMatching(/^[A-Z_]+:SUCCEEDED$/) },
      { ...system, action: 'REGISTRY_CONSULTED', outcome: expect.stringMatching(/^[A-Z_]+:SUCCEEDED$/) },
      { ...system, action: 'DETERMINATION_MADE', outcome: 'NEEDS_REVIEW' },
      {
        actor: 'reviewer-audit',
        role: 'reviewer',
        action: 'APPLICATION_READ',
        applicationId: id,
        correlationId: '52f27e18-54a0-4674-a6b0-e2ded94e77cd',
        outcome: 'SUCCEEDED',
      },
      {
        actor: 'reviewer-audit',
        role: 'reviewer',
        action: 'REVIEW_CLAIMED',
        applicationId: id,
        correlationId: '624d8f72-b8ea-47f9-a7fb-5dd1f5524a1d',
        outcome: 'CLAIMED',
      },
      {
        actor: 'reviewer-audit',
        role: 'reviewer',
        action: 'DECISION_RECORDED',
        applicationId: id,
        correlationId: '565d2c7c-df0c-4fb2-a315-86444e295d92',
        outcome: 'APPROVED',
      },
    ]);
    expect(
      trail
        .filter((event) => event.action === 'REGISTRY_CONSULTED')
        .map((event) => event.outcome)
        .sort(),
    ).toEqual(['BUSINESS_REGISTRATION:SUCCEEDED', 'HOUSEHOLD_REGISTRATION:SUCCEEDED', 'VEHICLE_REGISTRATION:SUCCEEDED']);
    for (const event of trail) {
      expect(Object.keys(event).sort()).toEqual([...EVENT_FIELDS].sort());
      expect(new Date(event.at).toISOString()).toBe(event.at);
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const sequences = trail.map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  });

  it('answers who read the household’s data and when, out-of-reach attempts included as NOT_FOUND', async () => {
    expect((await t.request('GET', `/v1/applications/${id}`, as(auditor, '21966f07-1f84-4acd-ae91-70b9dbd29b88'))).status).toBe(200);
    const otherCounty = t.token('reviewer', 'reviewer-542521', '542521');
    expect((await t.request('GET', `/v1/applications/${id}`, as(otherCounty, '2fc73a3b-8e4a-404f-aa0e-7e19536cb010'))).status).toBe(404);
    const otherIntake = t.token('intake', 'intake-other');
    expect((await t.request('GET', `/v1/applications/${id}`, as(otherIntake, 'e7b3dcb8-c792-4144-aa08-81bd11edada0'))).status).toBe(404);

    const reads = await events(`action=APPLICATION_READ&applicationId=${id}`);
    expect(reads.map(({ actor, role, correlationId, outcome }) => ({ actor, role, correlationId, outcome }))).toEqual([
      { actor: 'reviewer-audit', role: 'reviewer', correlationId: '52f27e18-54a0-4674-a6b0-e2ded94e77cd', outcome: 'SUCCEEDED' },
      { actor: 'auditor-audit', role: 'auditor', correlationId: '21966f07-1f84-4acd-ae91-70b9dbd29b88', outcome: 'SUCCEEDED' },
      { actor: 'reviewer-542521', role: 'reviewer', correlationId: '2fc73a3b-8e4a-404f-aa0e-7e19536cb010', outcome: 'NOT_FOUND' },
      { actor: 'intake-other', role: 'intake', correlationId: 'e7b3dcb8-c792-4144-aa08-81bd11edada0', outcome: 'NOT_FOUND' },
    ]);
    const ats = reads.map((event) => event.at);
    expect(ats).toEqual([...ats].sort());

    const unknown = randomUUID();
    expect((await t.request('GET', `/v1/applications/${unknown}`, { token: reviewer })).status).toBe(404);
    expect(await events(`applicationId=${unknown}`)).toEqual([
      expect.objectContaining({ action: 'APPLICATION_READ', actor: 'reviewer-audit', outcome: 'NOT_FOUND' }),
    ]);
  });

  it('records a list of applications and of the review queue, with no application id', async () => {
    expect((await t.request('GET', '/v1/applications?limit=5', as(reviewer, 'ab61013c-6f9c-4a55-ad40-3b17f284f7e5'))).status).toBe(200);
    expect((await t.request('GET', '/v1/reviews', as(reviewer, 'd36cd753-1bc8-4bc9-aefc-93a426fea387'))).status).toBe(200);
    expect(await events('actor=reviewer-audit&action=APPLICATIONS_LISTED')).toEqual([
      expect.objectContaining({
        applicationId: null,
        role: 'reviewer',
        correlationId: 'ab61013c-6f9c-4a55-ad40-3b17f284f7e5',
        outcome: 'SUCCEEDED',
      }),
    ]);
    expect(await events('actor=reviewer-audit&action=REVIEWS_LISTED')).toEqual([
      expect.objectContaining({
        applicationId: null,
        role: 'reviewer',
        correlationId: 'd36cd753-1bc8-4bc9-aefc-93a426fea387',
        outcome: 'SUCCEEDED',
      }),
    ]);
  });

  it('records re-verification and pulling into review, a refused change as a CONFLICT, and an invalid request not at all', async () => {
    const second = await submit(sandboxCase('household-split').application);
    const otherReviewer = t.token('reviewer', 'reviewer-other');
    expect((await t.request('POST', `/v1/reviews/${second}/claim`, { token: reviewer })).status).toBe(200);
    expect((await t.request('POST', `/v1/reviews/${second}/claim`, { token: otherReviewer })).status).toBe(409);
    const refused = await t.request('POST', `/v1/reviews/${second}/decision`, {
      token: otherReviewer,
      body: { decision: 'REJECTED', reason: REASON },
    });
    expect(refused.status).toBe(409);
    expect((await t.request('POST', '/v1/applications', { token: intake, body: validApplication({ program: 'PENSION' }) })).status).toBe(
      400,
    );
    expect(
      (await events('actor=reviewer-other')).map(({ actor, role, action, applicationId, outcome }) => ({
        actor,
        role,
        action,
        applicationId,
        outcome,
      })),
    ).toEqual([
      { actor: 'reviewer-other', role: 'reviewer', action: 'REVIEW_CLAIMED', applicationId: second, outcome: 'CONFLICT' },
      { actor: 'reviewer-other', role: 'reviewer', action: 'DECISION_RECORDED', applicationId: second, outcome: 'CONFLICT' },
    ]);
    expect(await events('action=APPLICATION_SUBMITTED')).toHaveLength(households.length);

    const back = await t.request('POST', `/v1/reviews/${second}/reverify`, as(reviewer, 'd89b58af-5221-4945-a51c-a94a302dc88e'));
    expect(back.status).toBe(202);
    await t.waitForDetermination(second, auditor);
    expect(
      (await events(`applicationId=${second}&action=VERIFICATION_REQUESTED`)).map(({ actor, role, correlationId }) => ({
        actor,
        role,
        correlationId,
      })),
    ).toEqual([
      { actor: 'intake-audit', role: 'intake', correlationId: expect.any(String) },
      { actor: 'reviewer-audit', role: 'reviewer', correlationId: 'd89b58af-5221-4945-a51c-a94a302dc88e' },
    ]);
    expect(await events(`applicationId=${second}&action=DETERMINATION_MADE`)).toHaveLength(2);

    const eligible = await submit(sandboxCase('dibao-eligible-urban').application);
    const pulled = await t.request('POST', '/v1/reviews', {
      ...as(reviewer, '9fe47bcb-634f-485f-a1ad-06d5fd4f7604'),
      body: { applicationId: eligible, reason: 'The household objects to the vehicle finding.' },
    });
    expect(pulled.status).toBe(201);
    expect(await events(`applicationId=${eligible}&action=REVIEW_REQUESTED`)).toEqual([
      expect.objectContaining({
        actor: 'reviewer-audit',
        role: 'reviewer',
        correlationId: '9fe47bcb-634f-485f-a1ad-06d5fd4f7604',
        outcome: 'PENDING',
      }),
    ]);
  });

  describe('filters and pages', () => {
    let all: any[];
    /** Leaves out what came after `all` was read: each read of the log is an event (AUDIT_READ) added at its end. */
    const known = (items: any[]) => items.filter((event) => event.sequence <= all.at(-1).sequence);
    beforeAll(async () => {
      await t.auditSealed();
      all = (await listAll(t, auditor, '/v1/audit-events')).items;
    });

    it('lists the whole log oldest first, sequences 1 to n', () => {
      expect(all.map((event) => event.sequence)).toEqual(all.map((_, index) => index + 1));
    });

    it.each([
      ['actor', () => 'actor=reviewer-audit', (event: any) => event.actor === 'reviewer-audit'],
      ['action', () => 'action=REGISTRY_CONSULTED', (event: any) => event.action === 'REGISTRY_CONSULTED'],
      ['applicationId', () => `applicationId=${id}`, (event: any) => event.applicationId === id],
      [
        'actor and applicationId',
        () => `actor=system&applicationId=${id}`,
        (event: any) => event.actor === 'system' && event.applicationId === id,
      ],
    ])('filters by %s', async (_label, query, keep) => {
      const expected = all.filter(keep);
      expect(expected.length).toBeGreaterThan(0);
      expect(await events(query())).toEqual(expected);
    });

    it('filters by time: from inclusive, to exclusive', async () => {
      const trail = all.filter((event) => event.applicationId === id);
      const from = trail.find((event) => event.action === 'DETERMINATION_MADE').at as string;
      const to = trail.find((event) => event.action === 'DECISION_RECORDED').at as string;
      const window = await events(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      expect(window).toEqual(all.filter((event) => event.at >= from && event.at < to));
      expect(window.map((event) => event.action)).toContain('DETERMINATION_MADE');
      expect(window.map((event) => event.action)).not.toContain('DECISION_RECORDED');
      expect(known(await events(`from=${encodeURIComponent(to)}`))).toEqual(all.filter((event) => event.at >= to));
      expect(await events(`to=${encodeURIComponent(from)}`)).toEqual(all.filter((event) => event.at < from));
      expect(await events(`applicationId=${id}&from=${encodeURIComponent(to)}`)).toEqual(trail.filter((event) => event.at >= to));
    });

    it('pages with a cursor, without losing or repeating an event', async () => {
      const paged = await listAll(t, auditor, '/v1/audit-events', 7);
      expect(known(paged.items)).toEqual(all);
      expect(paged.items.slice(all.length).every((event) => event.action === 'AUDIT_READ')).toBe(true);
      expect(paged.pages.slice(0, -1).every((page) => page.items.length === 7)).toBe(true);
      expect(paged.pages.at(-1).nextCursor).toBeNull();
      const consulted = await listAll(t, auditor, '/v1/audit-events?action=REGISTRY_CONSULTED', 1);
      expect(consulted.items).toEqual(all.filter((event) => event.action === 'REGISTRY_CONSULTED'));
      const first = await t.request('GET', '/v1/audit-events?limit=2', { token: auditor });
      expect(first.body.items).toEqual(all.slice(0, 2));
      expect(typeof first.body.nextCursor).toBe('string');
    });

    it.each([
      ['an unknown action', 'action=DELETED', 'action'],
      ['an application id that is not a UUID', 'applicationId=abc', 'applicationId'],
      ['a from that is not ISO 8601', 'from=yesterday', 'from'],
      ['a limit of 0', 'limit=0', 'limit'],
      ['a cursor it never gave out', 'cursor=eyJ4IjoxfQ', 'cursor'],
    ])('refuses %s with 400 naming it', async (_label, query, path) => {
      const response = await t.request('GET', `/v1/audit-events?${query}`, { token: auditor });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    });
  });

  it('lets auditors and admins read the log, and nobody else', async () => {
    for (const path of ['/v1/audit-events', '/v1/audit-events/verify', '/v1/audit-events/checkpoint', '/v1/audit-events/keys']) {
      expect((await t.request('GET', path)).status).toBe(401);
      expect((await t.request('GET', path, { token: reviewer })).status).toBe(403);
      expect((await t.request('GET', path, { token: intake })).status).toBe(403);
      expect((await t.request('GET', path, { token: t.token('admin', 'admin-audit') })).status).toBe(200);
    }
  });

  it('holds no identity number and no name of any member of any household submitted', async () => {
    const lowerX = idNumber('11010519491231002').toLowerCase();
    await submit(
      validApplication({
        members: [
          member({ name: '审计测试甲', idNumber: lowerX, relationship: 'HEAD', declaredMonthlyIncome: 300 }),
          member({ name: '审计测试乙', idNumber: idNumber('54252519820202002'), relationship: 'SPOUSE', declaredMonthlyIncome: 0 }),
        ],
      }),
    );
    for (const key of ['name-variants-match', 'vehicle-exempt-classes', 'household-member-deceased'])
      await submit(sandboxCase(key).application);
    // Reads of personal data are recorded too: the read itself must not copy any of it.
    for (const submittedId of submitted) {
      expect((await t.request('GET', `/v1/applications/${submittedId}`, { token: reviewer })).status).toBe(200);
    }

    await t.auditSealed();
    const table = auditTable(t);
    const stored = JSON.stringify(await table.rows());
    const listed = JSON.stringify(await listAll(t, auditor, '/v1/audit-events'));
    const members = households.flat();
    expect(members.length).toBeGreaterThanOrEqual(12);
    for (const { name, idNumber: given } of members) {
      for (const text of [stored, listed]) {
        expect(text).not.toContain(given.toUpperCase());
        expect(text).not.toContain(given.toLowerCase());
        expect(text).not.toContain(given.slice(0, 17));
        expect(text).not.toContain(name);
      }
    }
  });

  it('seals every event with the SHA-256 of its content and the previous hash, recomputed here', async () => {
    await t.auditSealed();
    const rows = await auditTable(t).rows();
    expect(rows.length).toBeGreaterThan(40);
    let previous = GENESIS;
    rows.forEach((row, index) => {
      expect(row.sequence).toBe(index + 1);
      expect(row.previous_hash).toBe(previous);
      expect(row.hash).toBe(sealOf(row));
      previous = row.hash;
    });

    // The first page's own read (AUDIT_READ) is appended before the second page is read: leave it out.
    const listed = (await listAll(t, auditor, '/v1/audit-events')).items.filter((event) => event.sequence <= rows.length);
    expect(listed.map((event) => [event.sequence, event.previousHash, event.hash])).toEqual(
      rows.map((row) => [row.sequence, row.previous_hash, row.hash]),
    );
  });

  it('verifies the chain and signs its head as a checkpoint that verifies with the published key', async () => {
    await t.auditSealed();
    const rows = await auditTable(t).rows();
    const head = rows.at(-1)!;
    const verified = await t.request('GET', '/v1/audit-events/verify?full=true', { token: auditor });
    expect(verified.body).toEqual({ valid: true, events: rows.length, full: true, verifiedFrom: 0, checked: rows.length });

    const checkpoint = await t.request('GET', '/v1/audit-events/checkpoint', { token: auditor });
    expect(checkpoint.status).toBe(200);
    expect(checkpoint.body.payload).toEqual({
      origin: expect.any(String),
      sequence: head.sequence,
      hash: head.hash,
      at: expect.any(String),
    });
    // Checked here with jose and the JWKS alone, as an auditor outside the service would.
    const keys = (await t.request('GET', '/v1/audit-events/keys', { token: auditor })).body;
    const jwk = keys.keys.find((key: { kid: string }) => key.kid === checkpoint.body.kid);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    const { payload, protectedHeader } = await compactVerify(checkpoint.body.checkpoint, await importJWK(jwk, 'EdDSA'));
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: jwk.kid, typ: 'hedui-audit-checkpoint' });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(checkpoint.body.payload);

    const against = await t.request('GET', `/v1/audit-events/verify?checkpoint=${checkpoint.body.checkpoint}`, { token: auditor });
    expect(against.body).toEqual({
      valid: true,
      events: rows.length,
      full: true,
      verifiedFrom: 0,
      checked: rows.length,
      checkpoint: checkpoint.body.payload,
    });
  });
});
