import { loadConfig } from '../../src/core/config/app.config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** CORS: off unless CORS_ORIGINS names origins, and then for exactly those. */

const ALLOWED = 'https://intake.example.gov.cn';
const ALSO_ALLOWED = 'http://localhost:5173';
const OTHER = 'https://intake.example.gov.cn.evil.example';

const preflight = (t: TestApp, origin: string) =>
  t.request('OPTIONS', '/v1/applications', {
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,idempotency-key',
    },
  });

describe('CORS by default', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends no CORS header on a request from another origin, nor on a preflight', async () => {
    const simple = await t.request('GET', '/v1/applications', { token: t.token('intake'), headers: { origin: ALLOWED } });
    expect(simple.status).toBe(200);
    const answered = await preflight(t, ALLOWED);
    for (const response of [simple, answered]) {
      const cors = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
      expect(cors).toEqual([]);
    }
  });
});

describe('CORS with CORS_ORIGINS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { CORS_ORIGINS: ` ${ALLOWED}, ${ALSO_ALLOWED} ` });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([ALLOWED, ALSO_ALLOWED])('allows %s, exposing Location and the correlation id', async (origin) => {
    const response = await t.request('GET', '/v1/applications', { token: t.token('intake'), headers: { origin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/origin/i);
    expect(response.headers.get('access-control-expose-headers')?.toLowerCase().split(/,\s*/)).toEqual(
      expect.arrayContaining(['location', 'retry-after', 'x-correlation-id', 'x-ratelimit-remaining']),
    );
  });

  it('answers a preflight from an allowed origin with the methods and headers the API takes', async () => {
    const response = await preflight(t, ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-methods')?.split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'POST']));
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/)).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']),
    );
  });

  it.each([OTHER, 'https://intake.example.gov.cn:8443', 'http://intake.example.gov.cn', 'null'])(
    'gives %s no Access-Control-Allow-Origin, on a request or a preflight',
    async (origin) => {
      const simple = await t.request('GET', '/v1/applications', { token: t.token('intake'), headers: { origin } });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(t, origin)).headers.get('access-control-allow-origin')).toBeNull();
    },
  );

  it('adds CORS to a refused request too, so that a browser client can read the 401', async () => {
    const response = await t.request('GET', '/v1/applications', { headers: { origin: ALLOWED } });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });
});

describe('CORS_ORIGINS setting', () => {
  it('is empty by default', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).CORS_ORIGINS).toEqual([]);
  });

  it.each(['https://intake.example.gov.cn/', 'intake.example.gov.cn', '*', 'https://a.example/path', 'ftp://a.example'])(
    'refuses %s, naming the variable',
    (value) => {
      expect(() => loadConfig({ NODE_ENV: 'test', CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS:/);
    },
  );
});
