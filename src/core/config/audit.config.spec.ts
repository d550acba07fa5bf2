import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app.config.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: 'a-real-secret-of-at-least-32-bytes',
  HOUSEHOLD_REGISTRY_URL: 'https://household.example.gov.cn/api',
  VEHICLE_REGISTRY_URL: 'https://vehicle.example.gov.cn/api',
  BUSINESS_REGISTRY_URL: 'https://business.example.gov.cn/api',
};
const TEST = { NODE_ENV: 'test' };
const pem = (type: 'ed25519' | 'ec', part: 'privateKey' | 'publicKey') => {
  const pair = type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  return pair[part].export(part === 'privateKey' ? { type: 'pkcs8', format: 'pem' } : { type: 'spki', format: 'pem' }) as string;
};

describe('loadConfig: the audit log settings', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hedui-audit-config-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('needs no signing key in development and test, and seals every 200 ms in batches of up to 5,000 by default', () => {
    for (const NODE_ENV of ['development', 'test']) expect(loadConfig({ NODE_ENV }).AUDIT_SIGNING_KEY).toBeUndefined();
    expect(loadConfig(TEST)).toMatchObject({ AUDIT_SEAL_INTERVAL_MS: 200, AUDIT_SEAL_BATCH: 5000 });
  });

  it('refuses to start in production without a signing key, naming AUDIT_SIGNING_KEY', () => {
    expect(() => loadConfig(PRODUCTION)).toThrow(/^\s*AUDIT_SIGNING_KEY: required outside development and test/m);
  });

  it('takes the key as PEM text, as PEM with \\n escapes on one line, or as the path of a file', () => {
    const key = pem('ed25519', 'privateKey');
    const path = join(dir, 'signing.pem');
    writeFileSync(path, key);
    for (const value of [key, key.replace(/\n/g, '\\n'), path]) {
      expect(loadConfig({ ...PRODUCTION, AUDIT_SIGNING_KEY: value }).AUDIT_SIGNING_KEY).toBe(value);
    }
  });

  it.each([
    ['a key that is not Ed25519', () => pem('ec', 'privateKey')],
    ['a public key', () => pem('ed25519', 'publicKey')],
    ['a path to no file', () => join(tmpdir(), 'no-such-key.pem')],
    ['text that is no key', () => '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'],
  ])('refuses %s as AUDIT_SIGNING_KEY, naming it', (_label, value) => {
    expect(() => loadConfig({ ...TEST, AUDIT_SIGNING_KEY: value() })).toThrow(/^\s*AUDIT_SIGNING_KEY: .*an Ed25519 private key/m);
  });

  it('takes earlier public keys as PEM blocks or comma-separated files, and refuses anything else naming AUDIT_PUBLIC_KEYS', () => {
    const [first, second] = [pem('ed25519', 'publicKey'), pem('ed25519', 'publicKey')];
    writeFileSync(join(dir, 'a.pem'), first);
    writeFileSync(join(dir, 'b.pem'), second);
    expect(loadConfig({ ...TEST, AUDIT_PUBLIC_KEYS: `${first}${second}` }).AUDIT_PUBLIC_KEYS).toBe(`${first}${second}`);
    expect(loadConfig({ ...TEST, AUDIT_PUBLIC_KEYS: `${join(dir, 'a.pem')}, ${join(dir, 'b.pem')}` }).AUDIT_PUBLIC_KEYS).toContain('a.pem');
    expect(() => loadConfig({ ...TEST, AUDIT_PUBLIC_KEYS: pem('ec', 'publicKey') })).toThrow(/^\s*AUDIT_PUBLIC_KEYS: /m);
  });

  it('needs AUDIT_WITNESS_SECRET, 32 characters at least, with an AUDIT_WITNESS_URL', () => {
    const url = 'https://witness.example.gov.cn/checkpoints';
    expect(() => loadConfig({ ...TEST, AUDIT_WITNESS_URL: url })).toThrow(/^\s*AUDIT_WITNESS_SECRET: /m);
    expect(() => loadConfig({ ...TEST, AUDIT_WITNESS_URL: url, AUDIT_WITNESS_SECRET: 'x'.repeat(31) })).toThrow(
      /^\s*AUDIT_WITNESS_SECRET: /m,
    );
    expect(loadConfig({ ...TEST, AUDIT_WITNESS_URL: url, AUDIT_WITNESS_SECRET: 'x'.repeat(32) }).AUDIT_WITNESS_URL).toBe(url);
    expect(() => loadConfig({ ...TEST, AUDIT_WITNESS_URL: 'ftp://witness' })).toThrow(/^\s*AUDIT_WITNESS_URL: /m);
  });

  it.each([
    ['AUDIT_LOG_ORIGIN', 'has spaces'],
    ['AUDIT_SEAL_INTERVAL_MS', '5'],
    ['AUDIT_SEAL_BATCH', '0'],
    ['AUDIT_SEAL_BATCH', '20001'],
  ])('refuses %s=%j and names it', (name, value) => {
    expect(() => loadConfig({ ...TEST, [name]: value })).toThrow(new RegExp(`^\\s*${name}: `, 'm'));
  });
});
