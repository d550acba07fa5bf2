import { MetricsServer } from '../../src/modules/metrics/metrics.server.js';
import { expectProblem } from '../access/access-fixtures.js';
import { sparePort } from '../support/spare-port.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';
import { parseExposition } from './exposition.js';

const METRICS_TOKEN = 'scraper-token-of-some-length-42';

async function get(url: string, headers: Record<string, string> = {}): Promise<TestResponse> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

const expectExposition = (response: TestResponse) => {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(parseExposition(response.text).some((sample) => sample.name === 'hedui_http_request_duration_seconds_count')).toBe(true);
};

/**
 * /metrics is open by default (its own test suite reads it so); a deployment can ask for a
 * scraper's token (METRICS_TOKEN), move it to a port of its own (METRICS_PORT), or both.
 * Metrics do not touch the database, so SQLite alone serves.
 */
describe('METRICS_TOKEN', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { METRICS_TOKEN });
    await t.request('GET', '/health/live');
  });
  afterAll(() => t?.close());

  it.each([
    ['no Authorization header', {}],
    ['another bearer token', { authorization: 'Bearer scraper-token-of-some-length-43' }],
    ['the token as a prefix of a longer one', { authorization: `Bearer ${METRICS_TOKEN}x` }],
    ['the token under another scheme', { authorization: `Basic ${METRICS_TOKEN}` }],
  ])('refuses a scrape with %s: 401 problem+json', async (_label, headers: Record<string, string>) => {
    expectProblem(await t.request('GET', '/metrics', { headers }), 401);
  });

  it('refuses a staff token, even an admin’s: it is not the scraper’s credential', async () => {
    expectProblem(await t.request('GET', '/metrics', { token: t.token('admin', 'ops') }), 401);
  });

  it('serves the metrics to the scraper’s token', async () => {
    expectExposition(await t.request('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }));
  });
});

describe('METRICS_PORT', () => {
  let t: TestApp;
  let metricsUrl: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { METRICS_PORT: String(await sparePort()) });
    metricsUrl = `http://127.0.0.1:${t.app.get(MetricsServer).port}`;
    await t.request('GET', '/health/live');
  });
  afterAll(() => t?.close());

  it('serves /metrics on its own port, with the API’s request timings', async () => {
    expectExposition(await get(`${metricsUrl}/metrics`));
  });

  it('no longer serves /metrics on the API’s port, nor documents it there', async () => {
    expectProblem(await t.request('GET', '/metrics'), 404);
    const document = await t.request('GET', '/docs-json');
    expect(Object.keys(document.body.paths)).not.toContain('/metrics');
  });

  it('serves nothing else on the metrics port: no API, no health, no docs', async () => {
    for (const path of ['/v1/applications', '/health/live', '/docs-json', '/metrics/../v1/applications']) {
      const response = await get(`${metricsUrl}${path}`, { authorization: `Bearer ${t.token('admin', 'ops')}` });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await fetch(`${metricsUrl}/metrics`, { method: 'POST' })).status).toBe(405);
  });
});

describe('METRICS_PORT and METRICS_TOKEN together', () => {
  let t: TestApp;
  let metricsUrl: string;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { METRICS_PORT: String(await sparePort()), METRICS_TOKEN });
    metricsUrl = `http://127.0.0.1:${t.app.get(MetricsServer).port}`;
    await t.request('GET', '/health/live');
  });
  afterAll(() => t?.close());

  it('asks the token on the metrics port too', async () => {
    const refused = await get(`${metricsUrl}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ status: 401, title: 'Authentication required' });
    expect((await get(`${metricsUrl}/metrics`, { authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(401);
    expectExposition(await get(`${metricsUrl}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}` }));
  });

  it('closes the metrics port with the service', async () => {
    const other = await startTestApp('sqlite', { METRICS_PORT: String(await sparePort()) });
    const url = `http://127.0.0.1:${other.app.get(MetricsServer).port}/metrics`;
    expect((await get(url)).status).toBe(200);
    await other.close();
    await expect(fetch(url)).rejects.toThrow();
  });
});
