import { validApplication } from '../fixtures/application-bodies.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

/**
 * Helmet's headers on every response; its strict Content-Security-Policy everywhere but the
 * pages that need inline scripts (Swagger UI under /docs, the queue dashboard).
 */

/** A Content-Security-Policy header as directive → sources. */
function policy(response: TestResponse): Record<string, string[]> {
  const header = response.headers.get('content-security-policy');
  if (!header) throw new Error(`no Content-Security-Policy on a ${response.status} answer`);
  return Object.fromEntries(
    header.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** Helmet's default policy, exactly. */
const STRICT: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'font-src': ["'self'", 'https:', 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", 'https:', "'unsafe-inline'"],
  'upgrade-insecure-requests': [],
};

/** The same with inline scripts allowed and no upgrade of the page's own http assets. */
const RELAXED: Record<string, string[]> = Object.fromEntries(
  Object.entries({ ...STRICT, 'script-src': ["'self'", "'unsafe-inline'"] }).filter(([name]) => name !== 'upgrade-insecure-requests'),
);

function expectHelmetHeaders(response: TestResponse): void {
  expect({
    nosniff: response.headers.get('x-content-type-options'),
    frame: response.headers.get('x-frame-options'),
    hsts: response.headers.get('strict-transport-security'),
    referrer: response.headers.get('referrer-policy'),
    opener: response.headers.get('cross-origin-opener-policy'),
    resource: response.headers.get('cross-origin-resource-policy'),
  }).toEqual({
    nosniff: 'nosniff',
    frame: 'SAMEORIGIN',
    hsts: 'max-age=31536000; includeSubDomains',
    referrer: 'no-referrer',
    opener: 'same-origin',
    resource: 'same-origin',
  });
}

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['a 200 from /v1', 'GET', '/v1/applications', 200, 'intake'],
    ['a 202 from /v1', 'POST', '/v1/applications', 202, 'intake'],
    ['a 400 problem from /v1', 'POST', '/v1/applications', 400, 'intake'],
    ['a 401 problem from /v1', 'GET', '/v1/applications', 401, null],
    ['a 403 problem from /v1', 'GET', '/v1/audit-events', 403, 'intake'],
    ['/health', 'GET', '/health', 200, null],
    ['/health/live', 'GET', '/health/live', 200, null],
    ['/health/ready', 'GET', '/health/ready', 200, null],
    ['an unknown path', 'GET', '/v1/nothing-here', 404, null],
    ['a path that only starts like the dashboard', 'GET', '/admin/queuesx', 404, null],
  ] as const)('%s carries the helmet headers and the strict policy', async (_label, method, path, status, role) => {
    const body = method === 'POST' ? (status === 202 ? validApplication() : { applicant: 'not an application' }) : undefined;
    const response = await t.request(method, path, { token: role ? t.token(role) : undefined, body });
    expect(response.status).toBe(status);
    expectHelmetHeaders(response);
    expect(policy(response)).toEqual(STRICT);
  });

  it.each([
    ['the dashboard page', '/admin/queues'],
    ['the dashboard page with a slash', '/admin/queues/'],
    ['the dashboard API', '/admin/queues/api/queues'],
  ])('%s carries the helmet headers and the relaxed policy', async (_label, path) => {
    const response = await t.request('GET', path, { token: t.token('admin') });
    expect(response.status).toBe(200);
    expectHelmetHeaders(response);
    expect(policy(response)).toEqual(RELAXED);
  });

  it('refuses a dashboard request without a token under the relaxed policy too (it is the same route)', async () => {
    const response = await t.request('GET', '/admin/queues');
    expect(response.status).toBe(401);
    expectHelmetHeaders(response);
    expect(policy(response)).toEqual(RELAXED);
  });

  it.each([
    ['Swagger UI', '/docs'],
    ['Swagger UI with a slash', '/docs/'],
  ])('%s carries the helmet headers and the relaxed policy', async (_label, path) => {
    const response = await t.request('GET', path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expectHelmetHeaders(response);
    expect(policy(response)).toEqual(RELAXED);
  });
});
