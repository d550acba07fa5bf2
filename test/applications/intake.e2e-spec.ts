import { DataSource } from 'typeorm';
import { validApplication, member, idNumber } from '../fixtures/application-bodies.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const withWrongCheckCharacter = (valid: string) => valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');

describe.each(['sqlite', 'postgres'] as const)('intake on %s', (kind) => {
  let t: TestApp;
  let intake: string;
  let counts: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    intake = t.token('intake', 'intake-a');
    const dataSource = t.app.get(DataSource);
    counts = async () => {
      const result: Record<string, number> = {};
      // Determinations are left out: they arrive from the queue whenever an accepted application is verified.
      for (const table of ['applications', 'application_members', 'verifications', 'source_checks']) {
        const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
        result[table] = Number(row.n);
      }
      return result;
    };
  });
  afterAll(() => t.close());

  const submit = (body: unknown, token = intake, headers: Record<string, string> = {}) =>
    t.request('POST', '/v1/applications', { token, body, headers });

  it('accepts a valid application with 202, a Location and status RECEIVED', async () => {
    const response = await submit(validApplication());
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'RECEIVED' });
    expect(response.headers.get('location')).toBe(`/v1/applications/${response.body.id}`);
  });

  it.each([
    ['an unknown programme', { program: 'PENSION' }, 'program'],
    ['a 5-digit region', { regionCode: '54252' }, 'regionCode'],
    ['an impossible date', { applicationDate: '2026-02-30' }, 'applicationDate'],
    ['a date in the future', { applicationDate: '2999-01-01' }, 'applicationDate'],
    ['no members', { members: [] }, 'members'],
    ['an unknown top-level field', { status: 'DECIDED' }, 'status'],
  ])('refuses %s, naming the field, and stores nothing', async (_label, overrides, path) => {
    const before = await counts();
    const response = await submit(validApplication(overrides));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400, detail: expect.any(String) });
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await counts()).toEqual(before);
  });

  const head = (fields: Record<string, unknown>) =>
    member({ name: '测试甲', idNumber: idNumber('54252519800101001'), relationship: 'HEAD', declaredMonthlyIncome: 600, ...fields });
  const spouse = (fields: Record<string, unknown>) =>
    member({ name: '测试乙', idNumber: idNumber('54252519820202002'), relationship: 'SPOUSE', declaredMonthlyIncome: 0, ...fields });

  it.each([
    [
      'a wrong check character',
      [head({}), spouse({ idNumber: withWrongCheckCharacter(idNumber('54252519820202002')) })],
      'members[1].idNumber',
    ],
    ['an impossible birth date', [head({}), spouse({ idNumber: idNumber('54252519820230002') })], 'members[1].idNumber'],
    ['a repeated identity number', [head({}), spouse({ idNumber: idNumber('54252519800101001') })], 'members[1].idNumber'],
    ['two HEADs', [head({}), spouse({ relationship: 'HEAD' })], 'members'],
    ['no HEAD', [spouse({})], 'members'],
    ['an unknown relationship', [head({}), spouse({ relationship: 'COUSIN' })], 'members[1].relationship'],
    ['three decimals of income', [head({ declaredMonthlyIncome: 600.125 }), spouse({})], 'members[0].declaredMonthlyIncome'],
    ['a negative income', [head({ declaredMonthlyIncome: -1 }), spouse({})], 'members[0].declaredMonthlyIncome'],
    ['income as text', [head({ declaredMonthlyIncome: '600' }), spouse({})], 'members[0].declaredMonthlyIncome'],
    ['a missing consent', [head({ consent: undefined }), spouse({})], 'members[0].consent'],
    [
      'a consent signed by a stranger',
      [head({}), spouse({ consent: { documentRef: 'A-1', signedOn: '2026-11-20', signedBy: 'NEIGHBOUR' } })],
      'members[1].consent.signedBy',
    ],
    ['an unknown member field', [head({ salary: 1 }), spouse({})], 'members[0].salary'],
  ])('refuses a member with %s', async (_label, members, path) => {
    const before = await counts();
    const response = await submit(validApplication({ members }));
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(JSON.stringify(response.body)).not.toContain('测试');
    expect(await counts()).toEqual(before);
  });

  it('reports every problem of one body at once', async () => {
    const response = await submit(validApplication({ program: 'X', regionCode: 'Y', members: [head({ idNumber: '123' })] }));
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['members[0].idNumber', 'program', 'regionCode']);
  });

  it('accepts a lower-case x and stores it upper-case', async () => {
    const withX = '11010519491231002X';
    const response = await submit(validApplication({ members: [head({ idNumber: withX.toLowerCase() })] }));
    expect(response.status).toBe(202);
    const read = await t.request('GET', `/v1/applications/${response.body.id}`, { token: intake });
    expect(read.body.members[0].idNumber).toBe(withX);
  });

  it('refuses a region and date that no policy version covers with 422', async () => {
    const response = await submit(validApplication({ applicationDate: '2021-06-01' }));
    expect(response.status).toBe(422);
    expect(response.body.errors[0].path).toBe('applicationDate');
  });

  describe('what a DTO cannot judge alone', () => {
    const raw = (text: string) =>
      t.request('POST', '/v1/applications', { token: intake, rawBody: text, headers: { 'content-type': 'application/json' } });
    const withHead = (fields: Record<string, unknown>) => JSON.stringify(validApplication({ members: [head(fields)] }));
    const consent = JSON.stringify(head({}).consent);

    it.each([
      ['a member given as an array', JSON.stringify(validApplication({ members: [[head({})]] })), 'members'],
      ['a consent given as an array', withHead({ consent: [] }), 'members[0].consent'],
      ['a name holding U+0000', withHead({ name: '测\u0000试' }), 'members[0].name'],
      ['a name holding a control character', withHead({ name: '测\u0007试' }), 'members[0].name'],
      ['a name of 101 code points that class-validator counts as fewer', withHead({ name: '\u2764\uFE0F'.repeat(51) }), 'members[0].name'],
      ['a name holding a lone surrogate', withHead({ name: '测\uD800试' }), 'members[0].name'],
      ['an unknown field named constructor', withHead({ constructor: 1 }), 'members[0].constructor'],
      ['an unknown field named toString', JSON.stringify({ ...validApplication(), toString: 'x' }), 'toString'],
      [
        'an unknown field named __proto__',
        withHead({}).replace(consent, consent.replace('{', '{"__proto__":{"x":1},')),
        'members[0].consent.__proto__',
      ],
      ['a value nested 10,000 deep', withHead({ name: '@' }).replace('"@"', '['.repeat(10000) + ']'.repeat(10000)), 'members[0].name'],
    ])('refuses %s with 400 naming the field, and stores nothing', async (_label, body, path) => {
      const before = await counts();
      const response = await raw(body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((e: { path: string }) => e.path).some((at: string) => at === path || at.startsWith(path))).toBe(true);
      expect(await counts()).toEqual(before);
    });

    it('accepts a name of 50 emoji with variation selectors (100 code points)', async () => {
      expect((await raw(withHead({ name: '\u2764\uFE0F'.repeat(50) }))).status).toBe(202);
    });
  });

  it('refuses a body over 1 MiB with 413 problem+json', async () => {
    const response = await t.request('POST', '/v1/applications', {
      token: intake,
      rawBody: JSON.stringify({ ...validApplication(), padding: 'x'.repeat(1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses malformed JSON with 400 problem+json', async () => {
    const response = await t.request('POST', '/v1/applications', {
      token: intake,
      rawBody: '{"program":',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('takes a UUID as the correlation id, and replaces anything else so that no personal data can ride on it', async () => {
    const given = '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
    const kept = await submit(validApplication(), intake, { 'x-correlation-id': given });
    expect(kept.headers.get('x-correlation-id')).toBe(given);
    const idLike = idNumber('54252519800101001');
    const replaced = await submit(validApplication(), intake, { 'x-correlation-id': idLike });
    expect(replaced.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.headers.get('x-correlation-id')).not.toBe(idLike);
  });

  describe('Idempotency-Key', () => {
    it('answers a repeat with the first answer and creates nothing', async () => {
      const body = validApplication();
      const first = await submit(body, intake, { 'idempotency-key': 'key-1' });
      const before = await counts();
      const again = await submit(body, intake, { 'idempotency-key': 'key-1' });
      expect(again.status).toBe(202);
      expect(again.body).toEqual(first.body);
      expect(await counts()).toEqual(before);
    });

    it('refuses the same key with another body with 422', async () => {
      await submit(validApplication(), intake, { 'idempotency-key': 'key-2' });
      const other = await submit(validApplication({ regionCode: '542521' }), intake, { 'idempotency-key': 'key-2' });
      expect(other.status).toBe(422);
    });

    it('stores submissions that arrive together, two of them racing with one key: one stored, both answered alike', async () => {
      const before = await counts();
      const body = validApplication();
      const answers = await Promise.all([
        ...Array.from({ length: 8 }, () => submit(validApplication())),
        submit(body, intake, { 'idempotency-key': 'key-race' }),
        submit(body, intake, { 'idempotency-key': 'key-race' }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(202));
      const [first, second] = answers.slice(8);
      expect(second.body).toEqual(first.body);
      expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(9);
      const after = await counts();
      expect(after.applications - before.applications).toBe(9);
      expect(after.verifications - before.verifications).toBe(9);
      expect(after.source_checks - before.source_checks).toBe(27);
      await t.auditSealed();
      const submitted = await t.app
        .get(DataSource)
        .query(`SELECT application_id AS id FROM audit_events WHERE action = 'APPLICATION_SUBMITTED'`);
      const ids = new Set(submitted.map((row: { id: string }) => row.id));
      for (const answer of answers) expect(ids.has(answer.body.id)).toBe(true);
      expect(submitted.filter((row: { id: string }) => row.id === first.body.id)).toHaveLength(1);
    });

    it('keeps keys apart per caller', async () => {
      const mine = await submit(validApplication(), intake, { 'idempotency-key': 'key-3' });
      const theirs = await submit(validApplication(), t.token('intake', 'intake-b'), { 'idempotency-key': 'key-3' });
      expect(theirs.body.id).not.toBe(mine.body.id);
    });
  });

  describe('authentication and reach', () => {
    it('answers 401 without a token or with a bad one, and 403 without the role', async () => {
      expect((await submit(validApplication(), '')).status).toBe(401);
      expect((await submit(validApplication(), 'not.a.token')).status).toBe(401);
      expect((await submit(validApplication(), t.token('auditor'))).status).toBe(403);
      const unauthenticated = await t.request('GET', '/v1/applications');
      expect(unauthenticated.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });

    it("hides another intake's application as 404 and leaves it out of their list", async () => {
      const mine = await submit(validApplication());
      const other = t.token('intake', 'intake-b');
      expect((await t.request('GET', `/v1/applications/${mine.body.id}`, { token: other })).status).toBe(404);
      expect((await t.request('GET', `/v1/applications/${mine.body.id}`, { token: intake })).status).toBe(200);
      const list = await t.request('GET', '/v1/applications?limit=100', { token: other });
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(mine.body.id);
    });

    it('limits a regional reviewer to its region', async () => {
      const mine = await submit(validApplication());
      expect((await t.request('GET', `/v1/applications/${mine.body.id}`, { token: t.token('reviewer', 'r1', '542525') })).status).toBe(200);
      expect((await t.request('GET', `/v1/applications/${mine.body.id}`, { token: t.token('reviewer', 'r1', '542500') })).status).toBe(200);
      expect((await t.request('GET', `/v1/applications/${mine.body.id}`, { token: t.token('reviewer', 'r1', '542521') })).status).toBe(404);
    });
  });

  it('pages the list newest first with an opaque cursor', async () => {
    const pager = t.token('intake', 'pager');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await submit(validApplication(), pager)).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.request(
        'GET',
        `/v1/applications?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: pager },
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect((await t.request('GET', '/v1/applications?limit=101', { token: pager })).status).toBe(400);
    expect((await t.request('GET', '/v1/applications?cursor=bogus', { token: pager })).status).toBe(400);
  });
});
