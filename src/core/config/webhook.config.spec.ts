import { loadConfig } from './app.config.js';

const URL = 'https://receiver.example.gov.cn/hedui';
const SECRET = 'x'.repeat(32);

describe('loadConfig: the webhook settings', () => {
  it('leaves notifications off, with working defaults, when WEBHOOK_URL is unset', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.WEBHOOK_URL).toBeUndefined();
    expect(config.WEBHOOK_SECRET).toBeUndefined();
    expect(config.WEBHOOK_TIMEOUT_MS).toBe(5000);
    expect(config.WEBHOOK_MAX_ATTEMPTS).toBe(12);
    expect(config.WEBHOOK_RETRY_BASE_MS).toBe(1000);
  });

  it('reads a webhook with its secret and tuning', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      WEBHOOK_URL: URL,
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_TIMEOUT_MS: '800',
    });
    expect(config).toMatchObject({ WEBHOOK_URL: URL, WEBHOOK_SECRET: SECRET, WEBHOOK_MAX_ATTEMPTS: 3, WEBHOOK_TIMEOUT_MS: 800 });
  });

  it.each([
    ['without a secret', {}],
    ['with an empty secret', { WEBHOOK_SECRET: '' }],
    ['with a secret of 31 characters', { WEBHOOK_SECRET: 'x'.repeat(31) }],
  ])('refuses a WEBHOOK_URL %s, naming WEBHOOK_SECRET', (_, env) => {
    expect(() => loadConfig({ NODE_ENV: 'test', WEBHOOK_URL: URL, ...env })).toThrow(/^\s*WEBHOOK_SECRET: /m);
  });

  it('does not ask for a secret when there is no webhook', () => {
    expect(loadConfig({ NODE_ENV: 'test', WEBHOOK_URL: '', WEBHOOK_SECRET: 'short' }).WEBHOOK_URL).toBeUndefined();
  });

  it.each([
    ['WEBHOOK_URL', 'receiver.example.gov.cn'],
    ['WEBHOOK_URL', 'ftp://receiver.example.gov.cn'],
    ['WEBHOOK_TIMEOUT_MS', '0'],
    ['WEBHOOK_MAX_ATTEMPTS', '0'],
    ['WEBHOOK_RETRY_BASE_MS', '-1'],
  ])('refuses a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ NODE_ENV: 'test', WEBHOOK_URL: URL, WEBHOOK_SECRET: SECRET, [name]: value })).toThrow(
      new RegExp(`^\\s*${name}: `, 'm'),
    );
  });
});
