import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { CompactSign } from 'jose';
import { CHECKPOINT_TYPE, kidOf, signCheckpoint, verifyCheckpoint } from './checkpoint-jws.js';

const PAYLOAD = { origin: 'hedui:test', sequence: 42, hash: 'cd'.repeat(32), at: '2026-11-28T10:00:00.000Z' };

describe('checkpoint JWS', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  let kid: string;
  let keys: Map<string, typeof publicKey>;
  beforeAll(async () => {
    kid = await kidOf(publicKey);
    keys = new Map([[kid, publicKey]]);
  });
  const signRaw = (header: Record<string, unknown>, payload: unknown) =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', ...header }).sign(privateKey);

  it('signs the payload with its keys in a fixed order, under the key’s thumbprint, and verifies it back', async () => {
    const jws = await signCheckpoint(PAYLOAD, privateKey, kid);
    const [header, payload] = jws.split('.').map((part) => Buffer.from(part, 'base64url').toString('utf8'));
    expect(JSON.parse(header)).toEqual({ alg: 'EdDSA', kid, typ: CHECKPOINT_TYPE });
    expect(payload).toBe('{"origin":"hedui:test","sequence":42,"hash":"' + 'cd'.repeat(32) + '","at":"2026-11-28T10:00:00.000Z"}');
    await expect(verifyCheckpoint(jws, keys)).resolves.toEqual({ kid, payload: PAYLOAD });
    expect(kid).toBe(await kidOf(createPublicKey(privateKey)));
  });

  it.each([
    ['another type: a token signed with the same key', () => signRaw({ kid, typ: 'JWT' }, PAYLOAD), /type/],
    ['no kid', () => signRaw({ typ: CHECKPOINT_TYPE }, PAYLOAD), /kid/],
    ['a payload that is not a checkpoint', () => signRaw({ kid, typ: CHECKPOINT_TYPE }, { ...PAYLOAD, sequence: -1 }), /not a checkpoint/],
    ['a hash that is not SHA-256 hex', () => signRaw({ kid, typ: CHECKPOINT_TYPE }, { ...PAYLOAD, hash: 'xyz' }), /not a checkpoint/],
    [
      'a signature over other bytes',
      async () => {
        const [header, , signature] = (await signCheckpoint(PAYLOAD, privateKey, kid)).split('.');
        return `${header}.${Buffer.from(JSON.stringify({ ...PAYLOAD, sequence: 43 })).toString('base64url')}.${signature}`;
      },
      /signature/,
    ],
    ['garbage', async () => 'a.b.c', /compact JWS/],
  ])('refuses %s', async (_label, jws, message) => {
    await expect(verifyCheckpoint(await jws(), keys)).rejects.toThrow(message);
  });
});
