import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { sandboxCase } from '../review/review-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { type AuditRow, auditTable, newestCheckpoint, refusal, resealed, signedWith, signingKeyOf } from './audit-steps.js';

/** Keys that make the swap, cut and rewrite tests work on events of different kinds. */
const HOUSEHOLDS = ['name-mismatch', 'dibao-eligible-urban', 'household-split'];
const REFUSED = /append-only/;

/**
 * The audit log's defences, proved on the real database of each kind. First the database
 * refuses every edit. Then, as someone with the owner's rights who drops the triggers,
 * rows are changed, removed, swapped, re-sealed, cut off and rebuilt below the service, and
 * GET /v1/audit-events/verify must name the first bad sequence, or the mismatch with a signed
 * checkpoint kept outside the database. The sealer's timer is slowed right down: the tests
 * seal when they choose, so that nothing is sealed onto a log while it is being tampered with.
 */
describe.each(['sqlite', 'postgres'] as const)('audit log tamper-evidence on %s', (kind) => {
  let t: TestApp;
  let auditor: string;
  let table: ReturnType<typeof auditTable>;
  let intact: AuditRow[];
  let intactCheckpoints: Record<string, unknown>[];
  /** The checkpoint of the intact log, as a witness outside the deployment would hold it. */
  let kept: string;

  const verify = async (query = '') => {
    const response = await t.request('GET', `/v1/audit-events/verify${query}`, { token: auditor });
    expect(response.status).toBe(200);
    return response.body;
  };
  const full = () => verify('?full=true');
  const against = (checkpoint: string) => verify(`?checkpoint=${checkpoint}`);
  /** The tamperer's edit: refused while the triggers stand, done once they are dropped. */
  const tamper = async (edit: () => Promise<unknown>) => {
    expect(await refusal(edit())).toMatch(REFUSED);
    await table.dropGuards();
    await edit();
  };
  /** Puts the intact log, its checkpoints and the triggers back, so that each test starts from them. */
  const restore = async () => {
    await table.dropGuards();
    await table.replaceAll(intact);
    await table.replaceCheckpoints(intactCheckpoints);
    await table.restoreGuards();
    expect(await table.rows()).toEqual(intact);
  };
  const other = (value: string) => (value === 'ELIGIBLE' ? 'INELIGIBLE' : 'ELIGIBLE');

  beforeAll(async () => {
    t = await startTestApp(kind, { AUDIT_SEAL_INTERVAL_MS: '60000' });
    table = auditTable(t);
    auditor = t.token('auditor', 'auditor-tamper');
    const intake = t.token('intake', 'intake-tamper');
    const reviewer = t.token('reviewer', 'reviewer-tamper');
    for (const key of HOUSEHOLDS) {
      const response = await t.request('POST', '/v1/applications', { token: intake, body: sandboxCase(key).application });
      await t.waitForDetermination(response.body.id, intake);
      await t.request('GET', `/v1/applications/${response.body.id}`, { token: reviewer });
    }
    await t.request('GET', '/v1/applications', { token: reviewer });
    await t.auditSealed();
    intact = await table.rows();
    intactCheckpoints = await table.checkpoints();
    expect(intact.length).toBeGreaterThanOrEqual(HOUSEHOLDS.length * 7 + 1);
    const newest = await newestCheckpoint(t, auditor);
    expect(newest.payload).toMatchObject({ sequence: intact.length, hash: intact.at(-1)!.hash });
    kept = newest.checkpoint;
  });
  afterAll(() => t.close());

  it('verifies the intact log: whole, incrementally, and against the checkpoint kept outside', async () => {
    expect(await full()).toMatchObject({ valid: true, events: intact.length, full: true });
    expect(await verify()).toMatchObject({ valid: true, events: intact.length, full: false, checked: 0 });
    expect(await against(kept)).toMatchObject({ valid: true, events: intact.length, checkpoint: { sequence: intact.length } });
  });

  describe('the database refuses edits', () => {
    afterEach(restore);

    it('refuses to change, re-seal or delete a sealed event, and to insert one already sealed', async () => {
      const row = await table.row(9);
      expect(await refusal(table.overwrite(9, { outcome: other(row.outcome) }))).toMatch(REFUSED);
      expect(await refusal(table.overwrite(9, { hash: '0'.repeat(64) }))).toMatch(REFUSED);
      expect(await refusal(table.overwrite(9, { sequence: null as unknown as number }))).toMatch(REFUSED);
      expect(await refusal(table.remove(9))).toMatch(REFUSED);
      expect(await refusal(table.sql('DELETE FROM audit_events'))).toMatch(REFUSED);
      const forged = { ...intact.at(-1)!, sequence: intact.length + 1, previous_hash: intact.at(-1)!.hash };
      expect(
        await refusal(
          table.sql(
            `INSERT INTO audit_events (${Object.keys(forged).join(', ')}) VALUES (${Object.keys(forged)
              .map(() => '?')
              .join(', ')})`,
            Object.values(forged),
          ),
        ),
      ).toMatch(REFUSED);
      if (table.postgres) expect(await refusal(table.sql('TRUNCATE audit_events'))).toMatch(REFUSED);
      expect(await table.rows()).toEqual(intact);
    });

    it('lets an unsealed event be sealed once, and changed or deleted never', async () => {
      const correlationId = randomUUID();
      await table.sql(
        `INSERT INTO audit_events (at, actor, role, action, application_id, correlation_id, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [new Date().toISOString(), 'writer-once', 'auditor', 'APPLICATION_READ', null, correlationId, 'SUCCEEDED'],
      );
      const where = `correlation_id = '${correlationId}'`;
      expect(await refusal(table.sql(`UPDATE audit_events SET outcome = 'FORGED' WHERE ${where}`))).toMatch(REFUSED);
      expect(await refusal(table.sql(`UPDATE audit_events SET sequence = ${intact.length + 1} WHERE ${where}`))).toMatch(REFUSED);
      expect(await refusal(table.sql(`DELETE FROM audit_events WHERE ${where}`))).toMatch(REFUSED);
      // The sealer's own statement: every seal column at once, content untouched.
      await t.auditSealed();
      const [sealed] = await table.sql(`SELECT sequence, hash FROM audit_events WHERE ${where}`);
      expect(Number(sealed.sequence)).toBeGreaterThan(intact.length);
      expect(await refusal(table.sql(`UPDATE audit_events SET hash = ? WHERE ${where}`, ['f'.repeat(64)]))).toMatch(REFUSED);
      expect(await full()).toMatchObject({ valid: true, events: await table.count() });
    });

    it('refuses to change or delete a stored checkpoint', async () => {
      expect(await refusal(table.sql(`UPDATE audit_checkpoints SET sequence = sequence + 1`))).toMatch(REFUSED);
      expect(await refusal(table.sql('DELETE FROM audit_checkpoints'))).toMatch(REFUSED);
      if (table.postgres) expect(await refusal(table.sql('TRUNCATE audit_checkpoints'))).toMatch(REFUSED);
      expect(await table.checkpoints()).toEqual(intactCheckpoints);
    });
  });

  describe('a changed field', () => {
    afterEach(restore);
    const k = 9;

    it.each([
      ['at', (row: AuditRow) => new Date(Date.parse(row.at) + 1).toISOString(), 'HASH_MISMATCH'],
      ['actor', () => 'someone-else', 'HASH_MISMATCH'],
      ['role', (row: AuditRow) => (row.role === 'admin' ? 'auditor' : 'admin'), 'HASH_MISMATCH'],
      ['action', (row: AuditRow) => (row.action === 'APPLICATION_READ' ? 'APPLICATIONS_LISTED' : 'APPLICATION_READ'), 'HASH_MISMATCH'],
      ['application_id', () => randomUUID(), 'HASH_MISMATCH'],
      ['correlation_id', () => 'forged-correlation', 'HASH_MISMATCH'],
      ['outcome', (row: AuditRow) => other(row.outcome), 'HASH_MISMATCH'],
      ['previous_hash', (row: AuditRow) => flipFirstHexDigit(row.previous_hash), 'LINK_BROKEN'],
      ['hash', (row: AuditRow) => flipFirstHexDigit(row.hash), 'HASH_MISMATCH'],
    ] as const)('names its sequence when its %s is changed', async (column, forge, reason) => {
      const row = await table.row(k);
      await tamper(() => table.overwrite(k, { [column]: forge(row) }));
      expect(await full()).toMatchObject({ valid: false, firstBadSequence: k, reason });
      expect(await against(kept)).toMatchObject({ valid: false, firstBadSequence: k, reason });
    });

    it('names the first and the last event when they are changed', async () => {
      await tamper(() => table.overwrite(1, { actor: 'someone-else' }));
      expect(await full()).toMatchObject({ valid: false, firstBadSequence: 1 });
      await table.overwrite(1, { actor: intact[0].actor });
      await table.overwrite(intact.length, { outcome: 'FORGED' });
      expect(await full()).toMatchObject({ valid: false, firstBadSequence: intact.length });
    });

    it('is caught by the signed checkpoints when the whole tail is re-sealed, even once the stored ones are gone', async () => {
      const forged = intact.map((row) => (row.sequence === k ? { ...row, outcome: other(row.outcome) } : row));
      await tamper(() => table.replaceAll(resealed(forged, k)));
      // The chain itself is whole again: only a signature the database cannot forge tells.
      expect(await full()).toMatchObject({ valid: false, firstBadSequence: intact.length, reason: 'CHECKPOINT_MISMATCH' });
      expect(await against(kept)).toMatchObject({ valid: false, firstBadSequence: intact.length, reason: 'CHECKPOINT_MISMATCH' });
      // The owner can also remove the stored checkpoints: the database alone then looks whole, the one kept outside does not.
      await table.replaceCheckpoints([]);
      expect(await full()).toMatchObject({ valid: true, events: intact.length });
      expect(await against(kept)).toMatchObject({ valid: false, firstBadSequence: intact.length, reason: 'CHECKPOINT_MISMATCH' });
    });
  });

  describe('removed events', () => {
    afterEach(restore);

    it.each([
      ['in the middle', 12],
      ['the first', 1],
    ])('names the missing sequence when the event %s is deleted', async (_label, k) => {
      await tamper(() => table.remove(k));
      expect(await full()).toMatchObject({ valid: false, firstBadSequence: k, reason: 'SEQUENCE_GAP' });
    });

    it('names the missing sequence when an event is deleted and the later ones renumbered', async () => {
      const k = 7;
      const renumbered = intact
        .filter((row) => row.sequence !== k)
        .map((row) => (row.sequence > k ? { ...row, sequence: row.sequence - 1 } : row));
      await tamper(() => table.replaceAll(renumbered));
      expect(await full()).toMatchObject({ valid: false, firstBadSequence: k, reason: 'LINK_BROKEN' });
    });

    it('catches events deleted from the tail by the signed checkpoints', async () => {
      const cut = intact.length - 3;
      await tamper(async () => {
        for (const row of intact.slice(-3).reverse()) await table.remove(row.sequence);
      });
      // What is left is a whole chain; the checkpoints name the first event missing.
      expect(await full()).toMatchObject({ valid: false, firstBadSequence: cut + 1, reason: 'CHECKPOINT_NOT_REACHED' });
      expect(await against(kept)).toMatchObject({ valid: false, firstBadSequence: cut + 1, reason: 'CHECKPOINT_NOT_REACHED' });
    });

    it('catches a tail cut after a checkpoint and grown again, which the database alone then no longer can', async () => {
      await tamper(async () => {
        for (const row of intact.slice(-3).reverse()) await table.remove(row.sequence);
      });
      await table.restoreGuards();
      const reviewer = t.token('reviewer', 'reviewer-regrow');
      for (let read = 0; read < 5; read += 1) await t.request('GET', '/v1/applications', { token: reviewer });
      await t.auditSealed();
      // The sealer went on from the cut head, and signed the new head once past the old one.
      const head = await table.count();
      expect(head).toBeGreaterThanOrEqual(intact.length + 2);
      expect((await newestCheckpoint(t, auditor)).payload.sequence).toBe(head);
      expect(await full()).toMatchObject({ valid: true, events: head });
      expect(await against(kept)).toMatchObject({ valid: false, firstBadSequence: intact.length, reason: 'CHECKPOINT_MISMATCH' });
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
      await tamper(() => table.overwrite(i, contentOf(second)));
      await table.overwrite(j, contentOf(first));
      expect(await full()).toMatchObject({ valid: false, firstBadSequence: i, reason: 'LINK_BROKEN' });
    });
  });

  describe('the table truncated and rebuilt', () => {
    afterEach(restore);

    it.each([
      [
        'one event fewer',
        (rows: AuditRow[]) => rows.filter((row) => row.sequence !== 5).map((row, index) => ({ ...row, sequence: index + 1 })),
        'CHECKPOINT_NOT_REACHED',
      ],
      [
        'one event changed',
        (rows: AuditRow[]) => rows.map((row) => (row.sequence === 5 ? { ...row, actor: 'someone-else' } : row)),
        'CHECKPOINT_MISMATCH',
      ],
    ] as const)('is caught by the checkpoint kept outside when rebuilt with %s and freshly sealed', async (_label, rebuild, reason) => {
      const emptied = () =>
        table.postgres ? table.sql('TRUNCATE audit_events, audit_checkpoints') : table.sql('DELETE FROM audit_events');
      await tamper(emptied);
      await table.replaceCheckpoints([]);
      await table.replaceAll(resealed(rebuild(intact), 1));
      expect(await full()).toMatchObject({ valid: true });
      const verdict = await against(kept);
      expect(verdict).toMatchObject({ valid: false, reason });
      expect(verdict.firstBadSequence).toBe(intact.length);
    });
  });

  describe('checkpoints that prove nothing', () => {
    it('refuses with 400 naming `checkpoint` one signed with another key, under its own kid or under ours', async () => {
      const stranger = generateKeyPairSync('ed25519').privateKey;
      const payload = (await newestCheckpoint(t, auditor)).payload;
      const ours = (await newestCheckpoint(t, auditor)).kid;
      for (const jws of [await signedWith(stranger, payload), await signedWith(stranger, payload, ours)]) {
        const response = await t.request('GET', `/v1/audit-events/verify?checkpoint=${jws}`, { token: auditor });
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(response.body.errors).toEqual([{ path: 'checkpoint', message: expect.stringMatching(/kid|signature/) }]);
      }
    });

    it('refuses a checkpoint whose payload was changed after signing, one of another log, and one that is no JWS', async () => {
      const [header, , signature] = kept.split('.');
      const changed = Buffer.from(JSON.stringify({ ...(await newestCheckpoint(t, auditor)).payload, sequence: 1 })).toString('base64url');
      const otherLog = await signedWith(signingKeyOf(t), { ...(await newestCheckpoint(t, auditor)).payload, origin: 'hedui:elsewhere' });
      for (const [checkpoint, message] of [
        [`${header}.${changed}.${signature}`, /signature/],
        [otherLog, /another log/],
        ['a.b.c', /JWS/],
        ['not-a-jws', /compact JWS/],
      ] as const) {
        const response = await t.request('GET', `/v1/audit-events/verify?checkpoint=${checkpoint}`, { token: auditor });
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ path: 'checkpoint', message: expect.stringMatching(message) }]);
      }
    });

    it('answers not valid for a checkpoint, signed with the log’s own key, whose sequence the log never reached', async () => {
      const { payload } = await newestCheckpoint(t, auditor);
      const ahead = await signedWith(signingKeyOf(t), { ...payload, sequence: intact.length + 50 });
      expect(await against(ahead)).toMatchObject({ valid: false, firstBadSequence: intact.length + 1, reason: 'CHECKPOINT_NOT_REACHED' });
    });

    it('answers not valid when the newest stored checkpoint was not signed by the log’s key', async () => {
      const stranger = generateKeyPairSync('ed25519').privateKey;
      const { payload } = await newestCheckpoint(t, auditor);
      const forged = { ...payload, sequence: intact.length + 1, hash: 'ab'.repeat(32) };
      await table.sql('INSERT INTO audit_checkpoints (id, origin, sequence, hash, at, kid, jws) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        randomUUID(),
        forged.origin,
        forged.sequence,
        forged.hash,
        forged.at,
        'forged',
        await signedWith(stranger, forged),
      ]);
      expect(await full()).toMatchObject({ valid: false, firstBadSequence: intact.length + 1, reason: 'STORED_CHECKPOINT_INVALID' });
      await restore();
    });
  });
});

function flipFirstHexDigit(hash: string): string {
  return (hash[0] === '0' ? '1' : '0') + hash.slice(1);
}
