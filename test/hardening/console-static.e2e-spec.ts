import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

/**
 * The reviewer console's static files at /console, under a strict Content-Security-Policy of
 * their own (no inline script, no other origin, never framed); a service without a built console
 * still starts, and /console is then a plain 404.
 */

function policy(response: TestResponse): Record<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(
    header.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const CONSOLE_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

describe('the console, built', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hedui-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Hedui</title><script type="module" src="./assets/app.js"></script>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("hedui");');
    t = await startTestApp('sqlite', { CONSOLE_DIR: dir });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at /console/ and redirects /console there', async () => {
    const page = await t.request('GET', '/console/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<title>Hedui</title>');
    const bare = await fetch(`${t.baseUrl}/console`, { redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/console/');
  });

  it('serves the bundled assets, and a missing one is a 404', async () => {
    const script = await t.request('GET', '/console/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await t.request('GET', '/console/assets/missing.js')).status).toBe(404);
    // Nothing outside the folder.
    expect((await t.request('GET', '/console/../package.json')).status).toBe(404);
  });

  it('gives the page and its assets the console’s strict policy, exactly', async () => {
    for (const path of ['/console/', '/console/assets/app.js']) {
      const response = await t.request('GET', path);
      expect(policy(response)).toEqual(CONSOLE_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('leaves the API’s own policy as it was', async () => {
    const response = await t.request('GET', '/health');
    expect(policy(response)['script-src']).toEqual(["'self'"]);
    expect(policy(response)['frame-ancestors']).toEqual(["'self'"]);
  });
});

describe('the console, not built', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { CONSOLE_DIR: join(tmpdir(), 'hedui-no-console-here') });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('starts the service all the same, and /console is a 404', async () => {
    expect((await t.request('GET', '/health')).status).toBe(200);
    expect((await t.request('GET', '/console/')).status).toBe(404);
  });
});
