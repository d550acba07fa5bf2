import { generateKeyPairSync } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from './app.config.js';

const SECRET = 'a-production-secret-of-32-bytes!';
const REGISTRIES = {
  HOUSEHOLD_REGISTRY_URL: 'https://household.example.gov.cn/api',
  VEHICLE_REGISTRY_URL: 'https://vehicle.example.gov.cn/api',
  BUSINESS_REGISTRY_URL: 'https://business.example.gov.cn/api',
};
const AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
/** A production configuration that starts: its own secret, the three real registries and an audit signing key. */
const PRODUCTION = { AUTH_JWT_SECRET: SECRET, AUDIT_SIGNING_KEY, ...REGISTRIES };

/** The problems a refused configuration names, one line each. */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message
      .split('\n')
      .slice(1)
      .map((line) => line.trim());
  }
  return [];
}
const named = (env: Record<string, string>) => problems(env).map((line) => line.split(':')[0]);

describe('loadConfig', () => {
  it('applies the defaults of API.md in development and test', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const config = loadConfig({ NODE_ENV });
      expect(config.PORT).toBe(3000);
      expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
      expect(config.DATABASE_URL).toBeUndefined();
      expect(config.AUTH_JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
      expect(config.AUTH_MAX_TOKEN_TTL_S).toBe(43200);
      expect(config.REGISTRY_MAX_ATTEMPTS).toBe(4);
      expect(config.REGISTRY_MAX_RESPONSE_BYTES).toBe(8 * 1024 * 1024);
      expect(config.REGISTRY_SANDBOX).toBe(false);
      expect(config.developmentOrTest).toBe(true);
    }
  });

  it('reads numbers and URLs from their text', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '8080',
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
      VEHICLE_REGISTRY_URL: 'http://127.0.0.1:8701',
    });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBe('postgres://u@127.0.0.1:5432/db');
    expect(config.VEHICLE_REGISTRY_URL).toBe('http://127.0.0.1:8701');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'localhost:6379'],
    ['AUTH_JWT_SECRET', 'short'],
    ['AUTH_JWT_SECRET', 'x'.repeat(31)],
    ['AUTH_JWKS_URL', 'not a url'],
    ['AUTH_MAX_TOKEN_TTL_S', '0'],
    ['HOUSEHOLD_REGISTRY_URL', 'not a url'],
    ['REGISTRY_MAX_ATTEMPTS', '0'],
    ['REGISTRY_MAX_RESPONSE_BYTES', '100'],
    ['REGISTRY_SANDBOX', 'yes'],
    ['METRICS_PORT', '0'],
    ['METRICS_PORT', '3000'],
    ['METRICS_TOKEN', 'short'],
  ])('refuses a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ NODE_ENV: 'test', [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('counts a secret in bytes: 11 Chinese characters are 33 bytes', () => {
    expect(loadConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: '核对核对核对核对核对核' }).AUTH_JWT_SECRET).toBe('核对核对核对核对核对核');
  });
});

describe('loadConfig outside development and test', () => {
  it.each([
    ['unset', {}],
    ['empty', { NODE_ENV: '' }],
    ['production', { NODE_ENV: 'production' }],
    ['anything else', { NODE_ENV: 'staging' }],
  ])('treats NODE_ENV %s as production: no secret, no signing key, no registries, no start', (_title, env: Record<string, string>) => {
    expect(named(env)).toEqual([
      'AUTH_JWT_SECRET',
      'AUDIT_SIGNING_KEY',
      'HOUSEHOLD_REGISTRY_URL',
      'VEHICLE_REGISTRY_URL',
      'BUSINESS_REGISTRY_URL',
    ]);
    expect(problems(env)[0]).toMatch(/AUTH_JWT_SECRET: required outside development and test.*unless AUTH_JWKS_URL/);
  });

  it('starts with a secret of its own and the three registries', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.NODE_ENV).toBe('production');
    expect(config.developmentOrTest).toBe(false);
    expect(config.AUTH_JWT_SECRET).toBe(SECRET);
  });

  it('refuses the published development secret, whatever else is set', () => {
    expect(problems({ ...PRODUCTION, AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toEqual([
      expect.stringMatching(/^AUTH_JWT_SECRET: the published development secret is refused/),
    ]);
    expect(problems({ ...PRODUCTION, NODE_ENV: 'Development', AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toHaveLength(1);
  });

  it('accepts an identity provider instead of a secret, and then has no HS256 secret at all', () => {
    const config = loadConfig({
      ...REGISTRIES,
      AUDIT_SIGNING_KEY,
      AUTH_JWKS_URL: 'https://sso.example.gov.cn/realms/staff/protocol/openid-connect/certs',
    });
    expect(config.AUTH_JWT_SECRET).toBeUndefined();
    expect(loadConfig({ ...PRODUCTION, AUTH_JWKS_URL: 'https://sso.example.gov.cn/jwks' }).AUTH_JWT_SECRET).toBe(SECRET);
  });

  it('has no development secret in development either once an identity provider is configured', () => {
    expect(loadConfig({ NODE_ENV: 'development', AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks' }).AUTH_JWT_SECRET).toBeUndefined();
  });

  it('counts an empty registry URL (what compose passes for an unset one) as missing', () => {
    expect(named({ ...PRODUCTION, VEHICLE_REGISTRY_URL: '' })).toEqual(['VEHICLE_REGISTRY_URL']);
    expect(problems({ ...PRODUCTION, VEHICLE_REGISTRY_URL: '' })[0]).toMatch(/set REGISTRY_SANDBOX=true/);
  });

  it('uses the sandbox only when REGISTRY_SANDBOX=true says so', () => {
    const config = loadConfig({
      AUTH_JWT_SECRET: SECRET,
      AUDIT_SIGNING_KEY,
      REGISTRY_SANDBOX: 'true',
      VEHICLE_REGISTRY_URL: REGISTRIES.VEHICLE_REGISTRY_URL,
    });
    expect(config.REGISTRY_SANDBOX).toBe(true);
    expect(config.HOUSEHOLD_REGISTRY_URL).toBeUndefined();
    expect(named({ AUTH_JWT_SECRET: SECRET, AUDIT_SIGNING_KEY, REGISTRY_SANDBOX: 'false' })).toEqual([
      'HOUSEHOLD_REGISTRY_URL',
      'VEHICLE_REGISTRY_URL',
      'BUSINESS_REGISTRY_URL',
    ]);
    expect(named({ AUTH_JWT_SECRET: SECRET, AUDIT_SIGNING_KEY, REGISTRY_SANDBOX: '' })).toHaveLength(3);
  });

  it.each([
    ['HOUSEHOLD_REGISTRY_URL', 'http://household.example.gov.cn/api'],
    ['VEHICLE_REGISTRY_URL', 'http://10.0.0.7:8701'],
    ['BUSINESS_REGISTRY_URL', 'http://localhost.example.gov.cn'],
    ['WEBHOOK_URL', 'http://receiver.example.gov.cn/hedui'],
    ['AUTH_JWKS_URL', 'http://sso.example.gov.cn/jwks'],
    ['AUTH_JWKS_URL', 'http://127.0.0.1.nip.io/jwks'],
  ])('refuses %s over plain http to %s', (name, url) => {
    const env = { ...PRODUCTION, WEBHOOK_SECRET: 'w'.repeat(32), [name]: url };
    expect(problems(env)).toEqual([expect.stringMatching(new RegExp(`^${name}: must be https://`))]);
    // Development and test may call anything.
    expect(() => loadConfig({ ...env, NODE_ENV: 'test' })).not.toThrow();
  });

  it.each(['http://127.0.0.1:8701', 'http://127.3.2.1/api', 'http://[::1]:8701', 'http://localhost:8701', 'https://10.0.0.7'])(
    'allows plain http to loopback, and https anywhere: %s',
    (url) => {
      expect(problems({ ...PRODUCTION, HOUSEHOLD_REGISTRY_URL: url, WEBHOOK_URL: url, WEBHOOK_SECRET: 'w'.repeat(32) })).toEqual([]);
    },
  );
});
