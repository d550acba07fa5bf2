import { randomUUID } from 'node:crypto';
import { AuditLog } from '../../src/modules/audit/audit-log.js';
import { sandboxCase } from '../review/review-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { auditTable, sealOf, waitForAuditedDetermination, type AuditRow } from './audit-steps.js';

/** Keys that make the swap, cut and rewrite tests work on events of different kinds. */
const HOUSEHOLDS = ['name-mismatch', 'dibao-eligible-urban', 'household-split'];

/**
 * The tamper-evidence of the audit chain, proved on the real database of each kind: rows are
 * changed, removed, swapped and cut off below the service, with plain SQL, and
 * GET /v1/audit-events/verify must name the first bad sequence. Then the chain must stay
 * whole under many concurrent writers.
 */
describe.each(['sqlite', 'postgres'] as const)('audit chain tamper-evidence on %s', (kind) => {
  let t: TestApp;
  let auditor: string;
  let table: ReturnType<typeof auditTable>;
  let intact: AuditRow[];

  const verify = async (checkpoint?: { sequence: number; hash: string }) => {
    const query = checkpoint ? `?checkpointSequence=${checkpoint.sequence}&checkpointHash=${checkpoint.hash}` : '';
    const response = await t.request('GET', `/v1/audit-events/verify${query}`, { token: auditor });
    expect(response.status).toBe(200);
    return response.body;
  };
  /** The tampering is undone after each test, so that each starts from the intact chain. */
  const restore = async () => {
    for (const row of intact) {
      await table.remove(row.sequence);
      await table.insert(row);
    }
    expect(await table.rows()).toEqual(intact);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    table = auditTable(t);
    auditor = t.token('auditor', 'auditor-tamper');
    const intake = t.token('intake', 'intake-tamper');
    const reviewer = t.token('reviewer', 'reviewer-tamper');
    for (const key of HOUSEHOLDS) {
      const response = await t.request('POST', '/v1/applications', { token: intake, body: sandboxCase(key).application });
      await waitForAuditedDetermination(t, auditor, response.body.id);
      await t.request('GET', `/v1/applications/${response.body.id}`, { token: reviewer });
    }
    await t.request('GET', '/v1/applications', { token: reviewer });
    intact = await table.rows();
    expect(intact.length).toBeGreaterThanOrEqual(HOUSEHOLDS.length * 7 + 1);
  });
  afterAll(() => t.close());

  it('verifies the intact chain', async () => {
    expect(await verify()).toEqual({ valid: true, events: intact.length });
  });

  describe('a changed event', () => {
    afterEach(restore);
    const k = 9;

    it.each([
      ['at', (row: AuditRow) => new Date(Date.parse(row.at) + 1).toISOString()],
      ['actor', () => 'someone-else'],
      ['role', (row: AuditRow) => (row.role === 'admin' ? 'auditor' : 'admin')],
      ['action', (row: AuditRow) => (row.action === 'APPLICATION_READ' ? 'APPLICATIONS_LISTED' : 'APPLICATION_READ')],
      ['application_id', () => randomUUID()],
      ['correlation_id', () => 'forged-correlation'],
      ['outcome', (row: AuditRow) => (row.outcome === 'ELIGIBLE' ? 'INELIGIBLE' : 'ELIGIBLE')],
      ['previous_hash', (row: AuditRow) => flipFirstHexDigit(row.previous_hash)],
      ['hash', (row: AuditRow) => flipFirstHexDigit(row.hash)],
    ] as const)('names its sequence when its %s is changed, and verifies again once restored', async (column, forge) => {
      const row = await table.row(k);
      const forged = forge(row);
      expect(forged).not.toBe(row[column]);
      await table.overwrite(k, { [column]: forged });
      expect(await verify()).toEqual({ valid: false, firstBadSequence: k });
      await table.overwrite(k, { [column]: row[column] });
      expect(await verify()).toEqual({ valid: true, events: intact.length });
    });

    it('names the next sequence when the changed event is sealed again: the next link breaks', async () => {
      const row = await table.row(k);
      const forged = { ...row, outcome: row.outcome === 'ELIGIBLE' ? 'INELIGIBLE' : 'ELIGIBLE' };
      await table.overwrite(k, { outcome: forged.outcome, hash: sealOf(forged) });
      expect(await verify()).toEqual({ valid: false, firstBadSequence: k + 1 });
    });

    it('names the first event when it is changed', async () => {
      await table.overwrite(1, { actor: 'someone-else' });
      expect(await verify()).toEqual({ valid: false, firstBadSequence: 1 });
    });

    it('names the last event when it is changed', async () => {
      await table.overwrite(intact.length, { outcome: 'FORGED' });
      expect(await verify()).toEqual({ valid: false, firstBadSequence: intact.length });
    });
  });

  describe('a removed event', () => {
    afterEach(restore);

    it.each([
      ['in the middle', 12],
      ['the first', 1],
    ])('names the missing sequence when the event %s is deleted', async (_label, k) => {
      await table.remove(k);
      expect(await verify()).toEqual({ valid: false, firstBadSequence: k });
    });

    it('names the missing sequence when an event is deleted and the later ones renumbered', async () => {
      // A careful tamperer closes the gap; the links still do not.
      const k = 7;
      await table.remove(k);
      for (const row of intact.filter((candidate) => candidate.sequence > k)) {
        await table.remove(row.sequence);
        await table.insert({ ...row, sequence: row.sequence - 1 });
      }
      expect((await table.rows()).map((row) => row.sequence)).toEqual(intact.slice(0, -1).map((row) => row.sequence));
      expect(await verify()).toEqual({ valid: false, firstBadSequence: k });
    });
  });

  describe('swapped events', () => {
    afterEach(restore);

    it.each([
      ['far apart', 4, 15],
      ['next to each other', 10, 11],
    ])('names the smaller sequence when the contents of two events %s are swapped', async (_label, i, j) => {
      const [first, second] = [await table.row(i), await table.row(j)];
      const contentOf = ({ sequence, ...content }: AuditRow) => content;
      await table.overwrite(i, contentOf(second));
      await table.overwrite(j, contentOf(first));
      expect(await verify()).toEqual({ valid: false, firstBadSequence: i });
    });
  });

  describe('events cut off the end', () => {
    afterEach(restore);

    it('passes a verify without a checkpoint but fails one against the checkpoint taken before', async () => {
      const checkpoint = (await t.request('GET', '/v1/audit-events/checkpoint', { token: auditor })).body;
      expect(checkpoint.sequence).toBe(intact.length);
      expect(await verify(checkpoint)).toEqual({ valid: true, events: intact.length });

      for (const row of intact.slice(-3)) await table.remove(row.sequence);
      expect(await verify()).toEqual({ valid: true, events: intact.length - 3 });
      expect(await verify(checkpoint)).toEqual({ valid: false, firstBadSequence: intact.length - 2 });
    });

    it('fails against a checkpoint whose hash the chain no longer holds', async () => {
      const head = intact.at(-1)!;
      expect(await verify({ sequence: head.sequence, hash: flipFirstHexDigit(head.hash) })).toEqual({
        valid: false,
        firstBadSequence: head.sequence,
      });
      expect(await verify({ sequence: 5, hash: intact[4].hash })).toEqual({ valid: true, events: intact.length });
    });

    it('refuses a checkpoint sequence without its hash (400)', async () => {
      const response = await t.request('GET', '/v1/audit-events/verify?checkpointSequence=3', { token: auditor });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toContain('checkpointHash');
    });
  });

  it('fails against the checkpoint when the end is cut off and the chain grows again from there', async () => {
    const checkpoint = (await t.request('GET', '/v1/audit-events/checkpoint', { token: auditor })).body;
    for (const row of intact.slice(-3)) await table.remove(row.sequence);
    const reviewer = t.token('reviewer', 'reviewer-regrow');
    for (let read = 0; read < 5; read += 1) await t.request('GET', '/v1/applications', { token: reviewer });
    expect(await verify()).toEqual({ valid: true, events: intact.length + 2 });
    expect(await verify(checkpoint)).toEqual({ valid: false, firstBadSequence: checkpoint.sequence });
    // From here on the chain is a valid one again, only not the one the checkpoint saw.
    intact = await table.rows();
  });

  describe('under concurrent writers', () => {
    const expectWholeChain = async (expectedEvents: number) => {
      const rows = await table.rows();
      expect(rows.map((row) => row.sequence)).toEqual(rows.map((_, index) => index + 1));
      expect(rows).toHaveLength(expectedEvents);
      const ats = rows.map((row) => row.at);
      expect(ats).toEqual([...ats].sort());
      expect(await verify()).toEqual({ valid: true, events: expectedEvents });
    };

    it('keeps sequences 1..n without gaps or repeats through ~100 concurrent submissions and reads', async () => {
      const before = await table.count();
      const intake = t.token('intake', 'intake-load');
      const reviewer = t.token('reviewer', 'reviewer-load');
      const known = intact.find((row) => row.action === 'APPLICATION_SUBMITTED')!.application_id!;
      const cases = ['name-mismatch', 'dibao-eligible-urban', 'household-split', 'vehicle-exempt-classes'];
      const submissions = Array.from({ length: 20 }, (_, index) =>
        t.request('POST', '/v1/applications', { token: intake, body: sandboxCase(cases[index % cases.length]).application }),
      );
      const reads = Array.from({ length: 80 }, (_, index) =>
        index % 4 === 0
          ? t.request('GET', '/v1/applications?limit=5', { token: reviewer })
          : index % 4 === 1
            ? t.request('GET', '/v1/reviews', { token: reviewer })
            : t.request('GET', `/v1/applications/${known}`, { token: reviewer }),
      );
      const responses = await Promise.all([...submissions, ...reads]);
      expect(responses.map((response) => response.status)).toEqual([...Array(20).fill(202), ...Array(80).fill(200)]);
      // Submitted, verification requested, three registries consulted, determination: six events each.
      for (const response of responses.slice(0, 20)) await waitForAuditedDetermination(t, auditor, response.body.id);
      await expectWholeChain(before + 20 * 6 + 80);
    });

    it('keeps the chain whole when 200 appends race through AuditLog directly', async () => {
      const before = await table.count();
      const auditLog = t.app.get(AuditLog);
      await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          auditLog.record({
            actor: { sub: `writer-${index % 16}`, role: 'auditor' },
            action: 'APPLICATION_READ',
            applicationId: randomUUID(),
            correlationId: `race-${index}`,
            outcome: 'SUCCEEDED',
          }),
        ),
      );
      await expectWholeChain(before + 200);
    });
  });
});

function flipFirstHexDigit(hash: string): string {
  return (hash[0] === '0' ? '1' : '0') + hash.slice(1);
}
