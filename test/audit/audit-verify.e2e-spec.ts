import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../../src/core/config/app.config.js';
import { UnitOfWork } from '../../src/core/database/unit-of-work.js';
import { WHOLE_WALK_LOCK_KEY } from '../../src/modules/audit/verify/audit-verification.service.js';
import { AuditVerifiedPointsRepository } from '../../src/modules/audit/verify/audit-verified-points.repository.js';
import { runAuditVerify } from '../../src/tools/audit-verify.command.js';
import { auditSigningKey, startTestApp, type TestApp } from '../support/test-app.js';
import { type AuditRow, auditTable, newestCheckpoint, signedWith, signingKeyOf } from './audit-steps.js';

/** Polls until `condition` holds; the deadline only bounds a failure. */
async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition());) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * GET /v1/audit-events/verify as it is asked again and again: incremental from the point the
 * last verification reached (kept in a table of its own), whole on demand and one such walk
 * at a time; and the same verification offline, with `npm run audit:verify`, from nothing but
 * a read of the database, a checkpoint and the public key.
 */
describe.each(['sqlite', 'postgres'] as const)('audit verification on %s', (kind) => {
  let t: TestApp;
  let table: ReturnType<typeof auditTable>;
  let auditor: string;
  let reviewer: string;

  const verify = async (query = '') => {
    const response = await t.request('GET', `/v1/audit-events/verify${query}`, { token: auditor });
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Appends `count` events (a list of applications each) and seals them. */
  const grow = async (count: number) => {
    for (let n = 0; n < count; n += 1) await t.request('GET', '/v1/applications?limit=1', { token: reviewer });
    await t.auditSealed();
    return table.count();
  };
  const rememberedPoint = async () =>
    (await table.sql('SELECT name, sequence, hash FROM audit_verified_points')).map((row) => ({ ...row, sequence: Number(row.sequence) }));
  /** Changes one sealed event below the triggers, runs `check`, and puts the event and the triggers back. */
  const withTampered = async (sequence: number, check: (original: AuditRow) => Promise<void>) => {
    const original = await table.row(sequence);
    await table.dropGuards();
    try {
      await table.overwrite(sequence, { outcome: `${original.outcome}-FORGED` });
      await check(original);
    } finally {
      await table.overwrite(sequence, { outcome: original.outcome });
      await table.restoreGuards();
    }
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { AUDIT_SEAL_INTERVAL_MS: '60000' });
    table = auditTable(t);
    auditor = t.token('auditor', 'auditor-verify');
    reviewer = t.token('reviewer', 'reviewer-verify');
    await grow(12);
  });
  afterAll(() => t.close());

  describe('incrementally', () => {
    it('walks only what was sealed since the last verification, from the point it keeps outside the audit table', async () => {
      const head = await table.count();
      expect(await verify('?full=true')).toEqual({ valid: true, events: head, full: true, verifiedFrom: 0, checked: head });
      expect(await rememberedPoint()).toEqual([{ name: 'chain', sequence: head, hash: (await table.row(head)).hash }]);
      const grown = await grow(5);
      expect(grown).toBe(head + 5);
      expect(await verify()).toEqual({ valid: true, events: grown, full: false, verifiedFrom: head, checked: 5 });
      expect(await verify()).toEqual({ valid: true, events: grown, full: false, verifiedFrom: grown, checked: 0 });
      expect(await rememberedPoint()).toEqual([{ name: 'chain', sequence: grown, hash: (await table.row(grown)).hash }]);
    });

    it('finds a change among the events sealed since', async () => {
      await verify();
      const head = await grow(4);
      await withTampered(head - 1, async () => {
        expect(await verify()).toMatchObject({ valid: false, firstBadSequence: head - 1, reason: 'HASH_MISMATCH', full: false });
      });
      expect(await verify()).toMatchObject({ valid: true, events: head });
    });

    it('notices that the event it stopped at has changed', async () => {
      const head = (await verify()).events;
      await withTampered(head, async () => {
        expect(await verify()).toMatchObject({ valid: false, firstBadSequence: head, reason: 'VERIFIED_POINT_CHANGED' });
      });
    });

    it('cannot see a change below that point (the trade-off), which a whole walk finds, and then walks the damage every time', async () => {
      const head = (await verify('?full=true')).events;
      await withTampered(3, async () => {
        // Incremental: only the point it stopped at is looked at again.
        expect(await verify()).toMatchObject({ valid: true, events: head, checked: 0 });
        expect(await verify('?full=true')).toMatchObject({ valid: false, firstBadSequence: 3, reason: 'HASH_MISMATCH', full: true });
        // The whole walk put the point back before the damage: the incremental verification now sees it too.
        expect(await rememberedPoint()).toEqual([expect.objectContaining({ sequence: 2 })]);
        expect(await verify()).toMatchObject({ valid: false, firstBadSequence: 3, reason: 'HASH_MISMATCH' });
      });
      expect(await verify()).toMatchObject({ valid: true, events: head });
    });

    it('does not let an incremental walk that started before damage was found move the point past it again', async () => {
      const head = (await verify('?full=true')).events;
      const points = t.app.get(AuditVerifiedPointsRepository);
      const [atHead, beforeDamage] = [await table.row(head), await table.row(2)];
      // A whole walk found damage at 3 while an incremental one, started at the head, was still walking.
      await points.moveBack({ sequence: 2, hash: beforeDamage.hash });
      await points.advance({ sequence: head, hash: atHead.hash }, { sequence: head, hash: atHead.hash });
      expect(await rememberedPoint()).toEqual([expect.objectContaining({ sequence: 2 })]);
      // A walk that started where the point is moves it on.
      await points.advance({ sequence: 2, hash: beforeDamage.hash }, { sequence: head, hash: atHead.hash });
      expect(await rememberedPoint()).toEqual([expect.objectContaining({ sequence: head })]);
    });

    it('refuses a `full` other than true or false', async () => {
      const response = await t.request('GET', '/v1/audit-events/verify?full=yes', { token: auditor });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['full']);
    });
  });

  describe('one whole walk at a time', () => {
    it('answers 409 to a whole walk, with full=true or a checkpoint, while another runs; an incremental one still runs', async () => {
      const kept = (await newestCheckpoint(t, auditor)).checkpoint;
      let finish: () => Promise<void>;
      let running: Promise<{ status: number }> | undefined;
      if (kind === 'postgres') {
        // The walk of another process: it holds the session lock for as long as it runs.
        const other = new Client({ connectionString: t.app.get(AppConfig).DATABASE_URL });
        await other.connect();
        await other.query('SELECT pg_advisory_lock($1)', [WHOLE_WALK_LOCK_KEY]);
        finish = async () => {
          await other.query('SELECT pg_advisory_unlock($1)', [WHOLE_WALK_LOCK_KEY]);
          await other.end();
        };
      } else {
        // A walk of this process, held at its first read until the test lets it go on.
        const unitOfWork = t.app.get(UnitOfWork);
        const read = unitOfWork.read.bind(unitOfWork);
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const held = jest.spyOn(unitOfWork, 'read').mockImplementationOnce(async (work) => {
          await gate;
          return read(work);
        });
        running = t.request('GET', '/v1/audit-events/verify?full=true', { token: auditor });
        await until(() => held.mock.calls.length > 0, 'the first walk under way');
        finish = async () => {
          release();
          held.mockRestore();
        };
      }
      try {
        for (const query of ['?full=true', `?checkpoint=${kept}`, '?full=true&checkpoint=' + kept]) {
          const response = await t.request('GET', `/v1/audit-events/verify${query}`, { token: auditor });
          expect(response.status).toBe(409);
          expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          expect(response.body.detail).toMatch(/already running/);
        }
        expect(await verify()).toMatchObject({ valid: true, full: false });
      } finally {
        await finish();
      }
      if (running) expect((await running).status).toBe(200);
      expect(await verify('?full=true')).toMatchObject({ valid: true, full: true });
    });
  });

  describe('offline, with npm run audit:verify', () => {
    let dir: string;
    let databaseUrl: string;
    let files: { checkpoint: string; pem: string; jwks: string; strangerPem: string; forged: string };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hedui-audit-verify-'));
      const config = t.app.get(AppConfig);
      databaseUrl = config.DATABASE_URL ?? `sqlite:${config.SQLITE_PATH}`;
      await t.auditSealed();
      const newest = await newestCheckpoint(t, auditor);
      const stranger = generateKeyPairSync('ed25519').privateKey;
      const write = (name: string, text: string) => {
        writeFileSync(join(dir, name), text);
        return join(dir, name);
      };
      files = {
        checkpoint: write('checkpoint.jws', `${newest.checkpoint}\n`),
        pem: write('public.pem', createPublicKey(signingKeyOf(t)).export({ type: 'spki', format: 'pem' }) as string),
        jwks: write('keys.json', JSON.stringify((await t.request('GET', '/v1/audit-events/keys', { token: auditor })).body)),
        strangerPem: write('stranger.pem', createPublicKey(stranger).export({ type: 'spki', format: 'pem' }) as string),
        forged: write('forged.jws', await signedWith(stranger, newest.payload)),
      };
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const run = async (...args: string[]) => {
      const outcome = await runAuditVerify(args);
      return { code: outcome.code, output: outcome.code === 2 ? outcome.output : JSON.parse(outcome.output) };
    };

    it('proves from the database, the checkpoint and the public key (PEM or JWKS) that the log holds what was signed', async () => {
      const head = await table.count();
      const { payload } = await newestCheckpoint(t, auditor);
      for (const key of [files.pem, files.jwks]) {
        expect(await run('--database-url', databaseUrl, '--checkpoint', files.checkpoint, '--public-key', key)).toEqual({
          code: 0,
          output: { valid: true, events: head, head: { sequence: head, hash: (await table.row(head)).hash }, checkpoint: payload },
        });
      }
      expect(
        await run('--database-url', databaseUrl, '--checkpoint', files.checkpoint, '--public-key', files.pem, '--origin', payload.origin),
      ).toMatchObject({ code: 0 });
      if (kind === 'sqlite')
        expect(await run('--database-url', t.app.get(AppConfig).SQLITE_PATH)).toMatchObject({
          code: 0,
          output: { valid: true, events: head },
        });
    });

    it('names the first bad sequence of a tampered log, and the checkpoint a cut log no longer reaches', async () => {
      const head = await table.count();
      await withTampered(5, async () => {
        expect(await run('--database-url', databaseUrl, '--checkpoint', files.checkpoint, '--public-key', files.pem)).toMatchObject({
          code: 1,
          output: { valid: false, firstBadSequence: 5, reason: 'HASH_MISMATCH' },
        });
      });
      const tail = await table.row(head);
      await table.dropGuards();
      try {
        await table.remove(head);
        expect(await run('--database-url', databaseUrl, '--checkpoint', files.checkpoint, '--public-key', files.pem)).toMatchObject({
          code: 1,
          output: { valid: false, firstBadSequence: head, reason: 'CHECKPOINT_NOT_REACHED' },
        });
      } finally {
        await table.replaceAll([...(await table.rows()), tail]);
        await table.restoreGuards();
      }
      expect(await run('--database-url', databaseUrl, '--checkpoint', files.checkpoint, '--public-key', files.pem)).toMatchObject({
        code: 0,
      });
    });

    it('refuses a checkpoint signed with another key, a key that is not the log’s, another origin, and missing arguments', async () => {
      expect(await run('--database-url', databaseUrl, '--checkpoint', files.forged, '--public-key', files.pem)).toEqual({
        code: 2,
        output: expect.stringMatching(/kid/),
      });
      expect(await run('--database-url', databaseUrl, '--checkpoint', files.checkpoint, '--public-key', files.strangerPem)).toEqual({
        code: 2,
        output: expect.stringMatching(/kid/),
      });
      expect(
        await run(
          '--database-url',
          databaseUrl,
          '--checkpoint',
          files.checkpoint,
          '--public-key',
          files.pem,
          '--origin',
          'hedui:elsewhere',
        ),
      ).toEqual({
        code: 2,
        output: expect.stringMatching(/elsewhere/),
      });
      expect(await run('--checkpoint', files.checkpoint)).toMatchObject({ code: 2, output: expect.stringMatching(/usage/) });
      expect(await run('--database-url', databaseUrl, '--checkpoint', files.checkpoint)).toMatchObject({
        code: 2,
        output: expect.stringMatching(/go together/),
      });
    });
  });

  if (kind === 'postgres') {
    it('keeps checkpoints of an earlier key verifiable after a rotation that lists its public key, and refuses them without it', async () => {
      const config = t.app.get(AppConfig);
      await t.auditSealed();
      const before = await newestCheckpoint(t, auditor);
      const oldPublic = createPublicKey(signingKeyOf(t)).export({ type: 'spki', format: 'pem' }) as string;
      const rotated = await startTestApp('postgres', {
        DATABASE_URL: config.DATABASE_URL!,
        AUDIT_SIGNING_KEY: auditSigningKey(),
        AUDIT_PUBLIC_KEYS: oldPublic,
        AUDIT_SEAL_INTERVAL_MS: '60000',
      });
      try {
        const keys = (await rotated.request('GET', '/v1/audit-events/keys', { token: auditor })).body.keys.map(
          (key: { kid: string }) => key.kid,
        );
        expect(keys).toHaveLength(2);
        expect(keys[1]).toBe(before.kid);
        const answer = await rotated.request('GET', `/v1/audit-events/verify?checkpoint=${before.checkpoint}`, { token: auditor });
        expect(answer.body).toMatchObject({ valid: true, checkpoint: before.payload });
        await rotated.request('GET', '/v1/applications?limit=1', { token: reviewer });
        await rotated.auditSealed();
        const after = await newestCheckpoint(rotated, auditor);
        expect(after.kid).toBe(keys[0]);
        expect(after.kid).not.toBe(before.kid);
        // The service that still signs with the old key and does not know the new one refuses what the new one signed.
        const refused = await t.request('GET', `/v1/audit-events/verify?checkpoint=${after.checkpoint}`, { token: auditor });
        expect(refused.status).toBe(400);
        expect(refused.body.errors).toEqual([{ path: 'checkpoint', message: expect.stringMatching(/kid/) }]);
        expect(await verify('?full=true')).toMatchObject({ valid: false, reason: 'STORED_CHECKPOINT_INVALID' });
      } finally {
        await rotated.close();
      }
    });
  }
});
