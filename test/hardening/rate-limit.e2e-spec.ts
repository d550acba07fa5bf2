import { loadConfig } from '../../src/core/config/app.config.js';
import { expectProblem } from '../access/access-fixtures.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

/**
 * The API's rate limit: one sliding window per staff member (the token's `sub`), a 429
 * problem+json with Retry-After past it, and never on health. A small limit and window here;
 * every other suite runs with the limit off.
 */

const LIMIT = 3;
const WINDOW_MS = 3000;

function expectTooMany(response: TestResponse): number {
  expectProblem(response, 429);
  expect(response.body.detail).toMatch(/^Too many requests/);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
  return retryAfter;
}

describe('API rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { API_RATE_LIMIT: String(LIMIT), API_RATE_LIMIT_WINDOW_MS: String(WINDOW_MS) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the (limit+1)th request of one token 429 problem+json with Retry-After, while another token passes', async () => {
    const alice = t.token('intake', 'rate-alice');
    for (let n = 1; n <= LIMIT; n++) {
      const response = await t.request('GET', '/v1/applications', { token: alice });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - n));
    }
    const refused = await t.request('GET', '/v1/applications', { token: alice });
    expect(refused.status).toBe(429);
    expectTooMany(refused);

    // The bucket is the staff member's, across endpoints and tokens: a new token for alice is refused too.
    const aliceAgain = t.token(['intake', 'reviewer'], 'rate-alice');
    expectTooMany(await t.request('GET', '/v1/reviews', { token: aliceAgain }));
    // Someone else is not.
    const bob = await t.request('GET', '/v1/applications', { token: t.token('intake', 'rate-bob') });
    expect(bob.status).toBe(200);
  });

  it('lets the token through again once Retry-After has passed (refused requests do not count)', async () => {
    const carol = t.token('auditor', 'rate-carol');
    for (let n = 0; n < LIMIT; n++) expect((await t.request('GET', '/v1/audit-events', { token: carol })).status).toBe(200);
    let retryAfter = 0;
    for (let n = 0; n < 3; n++) retryAfter = expectTooMany(await t.request('GET', '/v1/audit-events', { token: carol }));
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    expect((await t.request('GET', '/v1/audit-events', { token: carol })).status).toBe(200);
  });

  it('counts requests without a valid token by client IP', async () => {
    // Every answer is 401 or 429, never a served request: the IP's bucket fills as a token's would.
    const statuses: number[] = [];
    for (let n = 0; n <= LIMIT; n++) statuses.push((await t.request('GET', '/v1/applications', { token: 'not-a-jwt' })).status);
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401));
    expect(statuses[LIMIT]).toBe(429);
    // A valid token is counted by its sub, not by the IP it shares.
    expect((await t.request('GET', '/v1/applications', { token: t.token('intake', 'rate-dave') })).status).toBe(200);
  });

  it('never limits health', async () => {
    for (let n = 0; n < LIMIT * 4; n++) {
      for (const path of ['/health', '/health/live', '/health/ready']) {
        for (const token of [t.token('intake', 'rate-erin'), undefined]) {
          const response = await t.request('GET', path, { token });
          expect({ path, status: response.status }).toEqual({ path, status: 200 });
          expect(response.headers.get('x-ratelimit-limit')).toBeNull();
        }
      }
    }
    // And the health calls left erin's bucket untouched.
    const response = await t.request('GET', '/v1/applications', { token: t.token('intake', 'rate-erin') });
    expect(response.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - 1));
  });

  it('never limits /metrics', async () => {
    for (let n = 0; n <= LIMIT * 2; n++) expect((await t.request('GET', '/metrics')).status).not.toBe(429);
  });
});

describe('API rate limit settings', () => {
  it('defaults to 600 requests a minute', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect([config.API_RATE_LIMIT, config.API_RATE_LIMIT_WINDOW_MS]).toEqual([600, 60000]);
  });

  it('refuses a negative limit or a window under a second, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', API_RATE_LIMIT: '-1' })).toThrow(/API_RATE_LIMIT:/);
    expect(() => loadConfig({ NODE_ENV: 'test', API_RATE_LIMIT_WINDOW_MS: '999' })).toThrow(/API_RATE_LIMIT_WINDOW_MS:/);
  });

  it('with API_RATE_LIMIT=0 limits nothing', async () => {
    const t = await startTestApp('sqlite', { API_RATE_LIMIT: '0' });
    try {
      const token = t.token('intake', 'rate-unlimited');
      for (let n = 0; n < 50; n++) {
        const response = await t.request('GET', '/v1/applications', { token });
        expect(response.status).toBe(200);
        expect(response.headers.get('x-ratelimit-limit')).toBeNull();
      }
    } finally {
      await t.close();
    }
  });
});
