import { generateKeyPairSync } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from './app.config.js';

describe('loadConfig', () => {
  it('applies the defaults of API.md when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.AUTH_JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.REGISTRY_MAX_ATTEMPTS).toBe(4);
  });

  it('reads numbers and URLs from their text', () => {
    const config = loadConfig({
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
    ['HOUSEHOLD_REGISTRY_URL', 'not a url'],
    ['REGISTRY_MAX_ATTEMPTS', '0'],
  ])('refuses a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('refuses the development secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET: the development secret is refused/);
    const AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-real-secret-of-enough-length', AUDIT_SIGNING_KEY }).NODE_ENV).toBe(
      'production',
    );
  });
});
