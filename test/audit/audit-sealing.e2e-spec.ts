import { createHmac, randomUUID } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/core/config/app.config.js';
import { UnitOfWork } from '../../src/core/database/unit-of-work.js';
import { Clock } from '../../src/core/time/clock.js';
import { AuditLog } from '../../src/modules/audit/audit-log.js';
import type { AuditRecord } from '../../src/modules/audit/audit.types.js';
import { AuditSigningKeys } from '../../src/modules/audit/checkpoint/audit-signing-keys.js';
import { SEALER_LOCK_KEY } from '../../src/modules/audit/sealing/audit-seal.store.js';
import { AuditSealer } from '../../src/modules/audit/sealing/audit-sealer.js';
import { startWebhookReceiver, type WebhookReceiver } from '../notifications/webhook-receiver.js';
import { sandboxCase } from '../review/review-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { auditTable, GENESIS, newestCheckpoint } from './audit-steps.js';

const WITNESS_SECRET = 'a-witness-secret-of-at-least-32-characters';

const read = (actor: string, correlationId = randomUUID()): AuditRecord => ({
  actor: { sub: actor, role: 'auditor' },
  action: 'APPLICATION_READ',
  applicationId: randomUUID(),
  correlationId,
  outcome: 'SUCCEEDED',
});

/** Polls until `condition` holds; the deadline only bounds a failure. */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition());) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Writers append, one sealer seals: events are stored unsealed in their own transaction and
 * sealed later, in batches, into one dense chain, whatever commits when, however many
 * processes seal, and whatever dies half-way. The timer is slowed right down in the first
 * part, so that the tests seal when they choose and can look at the log in between.
 */
describe.each(['sqlite', 'postgres'] as const)('audit sealing on %s', (kind) => {
  describe('batches', () => {
    let t: TestApp;
    let table: ReturnType<typeof auditTable>;
    let auditLog: AuditLog;
    let auditor: string;

    const unsealed = async () => Number((await table.sql('SELECT COUNT(*) AS n FROM audit_events WHERE sequence IS NULL'))[0].n);
    const expectWholeChain = async (events: number) => {
      const rows = await table.rows();
      expect(rows.map((row) => row.sequence)).toEqual(rows.map((_, index) => index + 1));
      expect(rows).toHaveLength(events);
      expect(await unsealed()).toBe(0);
      const verdict = await t.request('GET', '/v1/audit-events/verify?full=true', { token: auditor });
      expect(verdict.body).toMatchObject({ valid: true, events });
    };

    beforeAll(async () => {
      t = await startTestApp(kind, { AUDIT_SEAL_INTERVAL_MS: '60000' });
      table = auditTable(t);
      auditLog = t.app.get(AuditLog);
      auditor = t.token('auditor', 'auditor-sealing');
    });
    afterAll(() => t.close());

    it('stores an event unsealed, lists it only once sealed, then as the next in the chain with a checkpoint of it', async () => {
      await t.auditSealed();
      const before = await table.count();
      await auditLog.record(read('reader-unsealed'));
      const [row] = await table.sql("SELECT sequence, hash, previous_hash FROM audit_events WHERE actor = 'reader-unsealed'");
      expect(row).toEqual({ sequence: null, hash: null, previous_hash: null });
      expect((await t.request('GET', '/v1/audit-events?actor=reader-unsealed', { token: auditor })).body.items).toEqual([]);

      await t.auditSealed();
      // The read of the list above is an event too (AUDIT_READ), sealed after it: the head.
      const head = await table.count();
      expect(head).toBe(before + 2);
      const listed = (await t.request('GET', '/v1/audit-events?actor=reader-unsealed', { token: auditor })).body.items;
      const previousHash = before === 0 ? GENESIS : (await table.row(before)).hash;
      expect(listed).toEqual([expect.objectContaining({ sequence: before + 1, previousHash })]);
      expect((await newestCheckpoint(t, auditor)).payload).toMatchObject({ sequence: head, hash: (await table.row(head)).hash });
      // And that second read: sealed next.
      await t.auditSealed();
      await expectWholeChain(head + 1);
    });

    it('seals nothing that did not commit', async () => {
      await t.auditSealed();
      const before = await table.count();
      const correlationId = randomUUID();
      const rolledBack = t.app.get(UnitOfWork).run(async (manager) => {
        await auditLog.append(manager, read('reader-rolled-back', correlationId));
        throw new Error('the change failed');
      });
      await expect(rolledBack).rejects.toThrow('the change failed');
      await t.auditSealed();
      expect(await table.sql('SELECT id FROM audit_events WHERE correlation_id = ?', [correlationId])).toEqual([]);
      await expectWholeChain(before);
    });

    it('loses nothing when a batch fails half-way: its transaction rolls back whole and the next pass seals the same events', async () => {
      await t.auditSealed();
      const before = await table.count();
      const checkpoints = (await table.checkpoints()).length;
      await Promise.all([1, 2, 3].map(() => auditLog.record(read('reader-interrupted'))));
      // The batch has numbered and updated the events when signing its checkpoint fails.
      const sign = jest.spyOn(t.app.get(AuditSigningKeys), 'sign').mockRejectedValueOnce(new Error('the process died here'));
      await expect(t.auditSealed()).rejects.toThrow('the process died here');
      expect(sign).toHaveBeenCalledTimes(1);
      expect(await unsealed()).toBe(3);
      expect(await table.count()).toBe(before);
      expect(await table.checkpoints()).toHaveLength(checkpoints);
      sign.mockRestore();

      await t.auditSealed();
      await expectWholeChain(before + 3);
      expect((await newestCheckpoint(t, auditor)).payload.sequence).toBe(before + 3);
    });

    it('keeps sequences 1..n without gaps or repeats through ~100 concurrent submissions and reads', async () => {
      await t.auditSealed();
      const before = await table.count();
      const intake = t.token('intake', 'intake-load');
      const reviewer = t.token('reviewer', 'reviewer-load');
      const cases = ['name-mismatch', 'dibao-eligible-urban', 'household-split', 'vehicle-exempt-classes'];
      const known = await t.request('POST', '/v1/applications', { token: intake, body: sandboxCase(cases[0]).application });
      // Waiting on the queues, not by reading the application: a read would be an event of its own.
      await t.queuesDrained();
      await t.auditSealed();
      const base = await table.count();
      expect(base).toBe(before + 6);
      const submissions = Array.from({ length: 20 }, (_, index) =>
        t.request('POST', '/v1/applications', { token: intake, body: sandboxCase(cases[index % cases.length]).application }),
      );
      const reads = Array.from({ length: 80 }, (_, index) =>
        index % 4 === 0
          ? t.request('GET', '/v1/applications?limit=5', { token: reviewer })
          : index % 4 === 1
            ? t.request('GET', '/v1/reviews', { token: reviewer })
            : t.request('GET', `/v1/applications/${known.body.id}`, { token: reviewer }),
      );
      const responses = await Promise.all([...submissions, ...reads]);
      expect(responses.map((response) => response.status)).toEqual([...Array(20).fill(202), ...Array(80).fill(200)]);
      await t.queuesDrained();
      await t.auditSealed();
      // Submitted, verification requested, three registries consulted, determination: six events each; one per read.
      await expectWholeChain(base + 20 * 6 + 80);
    });

    it('keeps the chain whole when 200 appends race through AuditLog directly', async () => {
      await t.auditSealed();
      const before = await table.count();
      await Promise.all(Array.from({ length: 200 }, (_, index) => auditLog.record(read(`writer-${index % 16}`))));
      await t.auditSealed();
      await expectWholeChain(before + 200);
    });

    if (kind === 'postgres') {
      it('gives an event committed late, behind events with higher ids, the next sequence after theirs', async () => {
        await t.auditSealed();
        const before = await table.count();
        const runner = t.app.get(DataSource).createQueryRunner();
        await runner.connect();
        await runner.startTransaction();
        try {
          const late = randomUUID();
          await auditLog.append(runner.manager, read('reader-late', late));
          await Promise.all([1, 2, 3, 4, 5].map(() => auditLog.record(read('reader-early'))));
          await t.auditSealed();
          expect(await table.count()).toBe(before + 5);
          await runner.commitTransaction();
          await t.auditSealed();
          const [lateRow] = await table.sql('SELECT id, sequence FROM audit_events WHERE correlation_id = ?', [late]);
          const early = await table.sql("SELECT id, sequence FROM audit_events WHERE actor = 'reader-early'");
          expect(early.every((row) => Number(row.id) > Number(lateRow.id) && row.sequence < lateRow.sequence)).toBe(true);
          expect(lateRow.sequence).toBe(before + 6);
          await expectWholeChain(before + 6);
        } finally {
          await runner.release();
        }
      });

      it('seals nowhere else while a sealer holds the lock, and loses nothing when that sealer dies mid-batch', async () => {
        await t.auditSealed();
        const before = await table.count();
        await Promise.all([1, 2, 3, 4].map(() => auditLog.record(read('reader-orphaned'))));
        const databaseUrl = t.app.get(AppConfig).DATABASE_URL!;
        const dying = new Client({ connectionString: databaseUrl });
        dying.on('error', () => undefined);
        await dying.connect();
        // A sealer in another process, half-way through its batch: the lock taken, the events numbered.
        await dying.query('BEGIN');
        expect((await dying.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SEALER_LOCK_KEY])).rows[0].locked).toBe(true);
        await dying.query(`UPDATE audit_events SET sequence = 900000 + id, previous_hash = $1, hash = $1 WHERE sequence IS NULL`, [
          'f'.repeat(64),
        ]);
        await expect(t.app.get(AuditSealer).sealPending(500)).rejects.toThrow(/unsealed/);
        expect(await unsealed()).toBe(4);

        const pid = (await dying.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
        const admin = new Client({ connectionString: databaseUrl });
        await admin.connect();
        try {
          await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        } finally {
          await admin.end();
        }
        await t.auditSealed();
        expect(await table.sql('SELECT id FROM audit_events WHERE sequence >= 900000')).toEqual([]);
        await expectWholeChain(before + 4);
        await dying.end().catch(() => undefined);
      });

      it('lets two processes on one database seal one dense chain between them, one at a time', async () => {
        const config = t.app.get(AppConfig);
        const second = await startTestApp('postgres', {
          DATABASE_URL: config.DATABASE_URL!,
          AUDIT_SIGNING_KEY: config.AUDIT_SIGNING_KEY!,
          AUDIT_SEAL_INTERVAL_MS: '20',
        });
        try {
          await t.auditSealed();
          const before = await table.count();
          const writers = [t, second].map((app, process) =>
            Promise.all(Array.from({ length: 100 }, (_, index) => app.app.get(AuditLog).record(read(`process-${process}-${index % 8}`)))),
          );
          await Promise.all([...writers, second.auditSealed()]);
          await Promise.all([t.auditSealed(), second.auditSealed()]);
          await expectWholeChain(before + 200);
          const sequences = (await table.checkpoints()).map((checkpoint) => Number(checkpoint.sequence));
          expect(new Set(sequences).size).toBe(sequences.length);
        } finally {
          await second.close();
        }
      });
    }
  });

  describe('the timer, checkpoints and the witness', () => {
    let t: TestApp;
    let table: ReturnType<typeof auditTable>;
    let witness: WebhookReceiver;
    let auditor: string;

    beforeAll(async () => {
      witness = await startWebhookReceiver();
      t = await startTestApp(kind, { AUDIT_SEAL_INTERVAL_MS: '20', AUDIT_WITNESS_URL: witness.url, AUDIT_WITNESS_SECRET: WITNESS_SECRET });
      table = auditTable(t);
      auditor = t.token('auditor', 'auditor-timer');
    });
    afterAll(async () => {
      await t.close();
      await witness.close();
    });

    it('seals on its own, and signs at most one checkpoint a second under load, then the head once that second has passed', async () => {
      const clock = t.app.get(Clock);
      const now = new Date(Date.now() + 3_600_000);
      const frozen = jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
      const auditLog = t.app.get(AuditLog);
      try {
        // A checkpoint signed at the frozen time to start from.
        await auditLog.record(read('reader-timer'));
        await t.auditSealed();
        const signed = (await newestCheckpoint(t, auditor)).payload.sequence;
        const checkpoints = (await table.checkpoints()).length;
        for (let burst = 0; burst < 5; burst += 1) {
          await Promise.all(Array.from({ length: 10 }, () => auditLog.record(read('reader-timer'))));
          await until(
            async () => Number((await table.sql('SELECT COUNT(*) AS n FROM audit_events WHERE sequence IS NULL'))[0].n) === 0,
            'sealed',
          );
        }
        const head = await table.count();
        expect(head).toBe(signed + 50);
        // Sealed in several passes within the same second: no checkpoint yet.
        expect(await table.checkpoints()).toHaveLength(checkpoints);

        now.setTime(now.getTime() + 1000);
        await until(async () => (await newestCheckpoint(t, auditor)).payload.sequence === head, 'a checkpoint of the head');
        expect(await table.checkpoints()).toHaveLength(checkpoints + 1);
      } finally {
        frozen.mockRestore();
      }
    });

    it('sends every signed checkpoint to the witness, signed as webhook calls are, with a JWS that verifies with the published key', async () => {
      await t.auditSealed();
      const newest = await newestCheckpoint(t, auditor);
      await witness.waitFor((calls) => calls.some((call) => JSON.parse(call.body).checkpoint === newest.checkpoint));
      const call = witness.calls.find((candidate) => JSON.parse(candidate.body).checkpoint === newest.checkpoint)!;
      const timestamp = call.headers['x-hedui-timestamp'] as string;
      expect(call.headers['x-hedui-signature']).toBe(
        `sha256=${createHmac('sha256', WITNESS_SECRET).update(`${timestamp}.${call.body}`).digest('hex')}`,
      );
      expect(call.headers['x-hedui-event']).toBe('audit.checkpoint');
      const body = JSON.parse(call.body);
      const { at, ...payload } = newest.payload;
      expect(body).toEqual({
        id: call.headers['x-hedui-delivery'],
        type: 'audit.checkpoint',
        occurredAt: at,
        ...payload,
        checkpoint: newest.checkpoint,
      });
      const jwk = (await t.request('GET', '/v1/audit-events/keys', { token: auditor })).body.keys.find(
        (key: { kid: string }) => key.kid === newest.kid,
      );
      await expect(compactVerify(body.checkpoint, await importJWK(jwk, 'EdDSA'))).resolves.toBeDefined();
      // Every checkpoint stored went out, each once.
      const stored = (await table.checkpoints()).map((checkpoint) => checkpoint.jws);
      await witness.waitFor((calls) => stored.every((jws) => calls.some((candidate) => JSON.parse(candidate.body).checkpoint === jws)));
      expect(witness.calls.filter((candidate) => candidate.headers['x-hedui-event'] !== 'audit.checkpoint')).toEqual([]);
    });
  });
});
