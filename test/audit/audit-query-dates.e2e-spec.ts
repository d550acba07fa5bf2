import { expectProblem } from '../access/access-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The instant `iso` (UTC) written with a +08:00 offset, as a caller in Asia/Shanghai would. */
function inShanghai(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${local.slice(0, 23)}+08:00`;
}

/**
 * `from` and `to` of GET /v1/audit-events take the one form the OpenAPI document states, an
 * RFC 3339 date-time with a UTC offset; any other (an ISO week date once got through
 * validation and came out as a 500) is a 400 naming the parameter. Offsets select the same
 * instants as UTC.
 */
describe.each(['sqlite', 'postgres'] as const)('date-time query parameters on %s', (kind) => {
  let t: TestApp;
  let auditor: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    auditor = t.token('auditor', 'auditor-dates');
    // A few events to select among: each list of applications is one.
    const reader = t.token('reviewer', 'reviewer-dates');
    for (let i = 0; i < 3; i++) expect((await t.request('GET', '/v1/applications', { token: reader })).status).toBe(200);
  });
  afterAll(() => t.close());

  // The log lists sealed events only: what the requests above wrote is sealed first.
  const list = async (query: string) => {
    await t.auditSealed();
    return t.request('GET', `/v1/audit-events?${query}`, { token: auditor });
  };

  it.each([
    ['an ISO week date', 'from=2026-W01-1', 'from'],
    ['an ISO week date in to', 'to=2026-W01-1', 'to'],
    ['an ordinal date', 'to=2026-332', 'to'],
    ['a date alone', 'from=2026-11-28', 'from'],
    ['a date-time without an offset', 'from=2026-11-28T10:00:00', 'from'],
    ['30 February', 'from=2026-02-30T00:00:00Z', 'from'],
    ['a month 13', 'to=2026-13-01T00:00:00Z', 'to'],
    ['hour 24', 'to=2026-11-28T24:00:00Z', 'to'],
    ['an extended year', `from=${encodeURIComponent('+275760-09-13T00:00:00Z')}`, 'from'],
    ['an offset without its colon', `from=${encodeURIComponent('2026-11-28T10:00:00+0800')}`, 'from'],
    ['a time given twice', 'from=2026-11-28T10:00:00Z&from=2026-11-29T10:00:00Z', 'from'],
    ['an empty value', 'to=', 'to'],
  ])('refuses %s with 400 problem+json naming the parameter', async (_label, query, path) => {
    const response = await list(query);
    expectProblem(response, 400);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual([path]);
  });

  it('selects the same events whatever offset the instants are written with', async () => {
    const { items } = (await list('action=APPLICATIONS_LISTED&limit=100')).body;
    expect(items.length).toBeGreaterThanOrEqual(3);
    const [, second] = items as { sequence: number; at: string }[];
    const selected = async (query: string) =>
      ((await list(`action=APPLICATIONS_LISTED&limit=100&${query}`)).body.items as { sequence: number }[]).map((event) => event.sequence);

    const fromUtc = await selected(`from=${encodeURIComponent(second.at)}`);
    const fromShanghai = await selected(`from=${encodeURIComponent(inShanghai(second.at))}`);
    const fromLowerCase = await selected(`from=${encodeURIComponent(second.at.replace('T', 't').replace('Z', 'z'))}`);
    expect(fromUtc[0]).toBe(second.sequence);
    expect(fromShanghai).toEqual(fromUtc);
    expect(fromLowerCase).toEqual(fromUtc);

    const toShanghai = await selected(`to=${encodeURIComponent(inShanghai(second.at))}`);
    expect(toShanghai).not.toContain(second.sequence);
    expect(toShanghai).toContain(items[0].sequence);
  });

  it('takes the widest instants without a 500: years 0000 and 9999, with offsets beyond them', async () => {
    const everything = (await list('action=APPLICATIONS_LISTED&limit=100')).body.items.length;
    const wide = await list(
      `action=APPLICATIONS_LISTED&limit=100&from=${encodeURIComponent('0000-01-01T00:00:00+01:00')}&to=${encodeURIComponent('9999-12-31T23:59:59-01:00')}`,
    );
    expect(wide.status).toBe(200);
    expect(wide.body.items).toHaveLength(everything);
  });
});
