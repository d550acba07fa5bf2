import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditSigningKeys } from './audit-signing-keys.js';
import { CheckpointError, kidOf } from './checkpoint-jws.js';

const privatePem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const publicPem = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'pem' }) as string;
const HEAD = { sequence: 7, hash: 'ab'.repeat(32), at: '2026-11-28T10:00:00.000Z' };

describe('AuditSigningKeys', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hedui-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a development key once beside the SQLite file, readable by its owner only, and reuses it', async () => {
    const settings = { NODE_ENV: 'development' as const, SQLITE_PATH: join(dir, 'data', 'hedui.sqlite') };
    const first = await AuditSigningKeys.load(settings);
    const path = join(dir, 'data', 'audit-signing-key.pem');
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = await AuditSigningKeys.load(settings);
    expect(second.kid).toBe(first.kid);
    expect(first.kid).toBe(await kidOf(createPublicKey(readFileSync(path, 'utf8'))));
    await expect(second.verify(await first.sign(HEAD))).resolves.toMatchObject({
      payload: { ...HEAD, origin: 'hedui:sqlite:hedui.sqlite' },
    });
  });

  it('never generates one outside development and test', async () => {
    await expect(AuditSigningKeys.load({ NODE_ENV: 'production', SQLITE_PATH: join(dir, 'hedui.sqlite') })).rejects.toThrow(
      /AUDIT_SIGNING_KEY/,
    );
    expect(existsSync(join(dir, 'audit-signing-key.pem'))).toBe(false);
  });

  it('names the log after its database without the credentials, unless AUDIT_LOG_ORIGIN says otherwise', async () => {
    const key = privatePem();
    const base = { NODE_ENV: 'production' as const, SQLITE_PATH: 'unused', AUDIT_SIGNING_KEY: key };
    expect((await AuditSigningKeys.load({ ...base, DATABASE_URL: 'postgres://hedui:secret@db.example:5432/hedui' })).origin).toBe(
      'hedui:postgres://db.example:5432/hedui',
    );
    expect((await AuditSigningKeys.load({ ...base, AUDIT_LOG_ORIGIN: 'ngari.example.gov.cn/hedui' })).origin).toBe(
      'ngari.example.gov.cn/hedui',
    );
  });

  it('verifies checkpoints of an earlier key listed in AUDIT_PUBLIC_KEYS after a rotation, and only then', async () => {
    const [before, after] = [privatePem(), privatePem()];
    const old = await AuditSigningKeys.load({
      NODE_ENV: 'production',
      SQLITE_PATH: 'x',
      AUDIT_SIGNING_KEY: before,
      AUDIT_LOG_ORIGIN: 'log',
    });
    const signedBefore = await old.sign(HEAD);
    const rotated = await AuditSigningKeys.load({
      NODE_ENV: 'production',
      SQLITE_PATH: 'x',
      AUDIT_SIGNING_KEY: after,
      AUDIT_PUBLIC_KEYS: publicPem(before),
      AUDIT_LOG_ORIGIN: 'log',
    });
    await expect(rotated.verify(signedBefore)).resolves.toMatchObject({ kid: old.kid, payload: { ...HEAD, origin: 'log' } });
    expect((await rotated.jwks()).keys.map((key) => key.kid)).toEqual([rotated.kid, old.kid]);
    expect((await rotated.jwks()).keys[0]).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.any(String),
      kid: rotated.kid,
      alg: 'EdDSA',
      use: 'sig',
    });

    const forgetful = await AuditSigningKeys.load({
      NODE_ENV: 'production',
      SQLITE_PATH: 'x',
      AUDIT_SIGNING_KEY: after,
      AUDIT_LOG_ORIGIN: 'log',
    });
    await expect(forgetful.verify(signedBefore)).rejects.toThrow(CheckpointError);
  });
});
