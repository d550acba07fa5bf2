import { Clock } from '../../src/core/time/clock.js';
import { READY_RESULT_MAX_AGE_MS } from '../../src/modules/health/health.controller.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { VerificationService } from '../../src/modules/verification/verification.service.js';
import { privatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { privateRedis, type PrivateRedis } from '../support/private-redis.js';
import { submitCase } from '../support/sandbox-case-runner.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

/** Polls a request until it answers the status wanted, for at most timeoutMs. */
async function until(
  t: TestApp,
  status: number,
  method: string,
  path: string,
  options?: Parameters<TestApp['request']>[2],
  timeoutMs = 15000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response: TestResponse = await t.request(method, path, options);
    if (response.status === status) return response;
    if (Date.now() > deadline) throw new Error(`${method} ${path} still ${response.status} after ${timeoutMs} ms: ${response.text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How far each app's clock has been moved on. */
const clockOffsets = new WeakMap<TestApp, number>();

/**
 * Moves the service's clock on by the age a readiness result may reach, so that the next probe
 * checks afresh instead of answering from the result of a moment before the fault.
 */
function outlastReadinessResult(t: TestApp): void {
  const offset = (clockOffsets.get(t) ?? 0) + READY_RESULT_MAX_AGE_MS;
  clockOffsets.set(t, offset);
  jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + offset));
}

function expectUnavailable(response: TestResponse): void {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

describe.each(['sqlite', 'postgres'] as const)('health with everything up, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers /health/live and its alias /health without a token', async () => {
    for (const path of ['/health/live', '/health']) {
      const response = await t.request('GET', path);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
    }
  });

  it('answers /health/ready 200 naming each dependency up, without a token', async () => {
    const response = await t.request('GET', '/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      // Development and test answer from the built-in sandbox, and readiness says so.
      registrySandbox: true,
      checks: {
        database: expect.objectContaining({ status: 'up' }),
        redis: expect.objectContaining({ status: 'up' }),
        householdRegistry: { status: 'up', circuit: 'sandbox' },
        vehicleRegistry: { status: 'up', circuit: 'sandbox' },
        businessRegistry: { status: 'up', circuit: 'sandbox' },
      },
    });
  });
});

describe.each(['sqlite', 'postgres'] as const)('Redis down, on %s', (kind) => {
  let redis: PrivateRedis;
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    redis = await privateRedis();
    t = await startTestApp(kind, { REDIS_URL: redis.url });
    intake = t.token('intake', 'intake-redis-down');
  });
  afterAll(async () => {
    await t?.close();
    await redis?.kill();
  });

  it('says Redis is down in /health/ready while the database-only API keeps answering, and recovers', async () => {
    const id = await submitCase(t, intake, SANDBOX_CASES[0]);
    // Settled first, so that no job is in flight when Redis goes: this test is about the API.
    await t.waitForDetermination(id, intake);
    await until(t, 200, 'GET', '/health/ready');
    await redis.kill();
    outlastReadinessResult(t);

    const ready = await t.request('GET', '/health/ready');
    expectUnavailable(ready);
    expect(ready.body.detail).toMatch(/redis/);
    expect(ready.body.checks).toEqual({
      database: expect.objectContaining({ status: 'up' }),
      redis: expect.objectContaining({ status: 'down', message: expect.any(String) }),
      householdRegistry: { status: 'up', circuit: 'sandbox' },
      vehicleRegistry: { status: 'up', circuit: 'sandbox' },
      businessRegistry: { status: 'up', circuit: 'sandbox' },
    });

    expect((await t.request('GET', `/v1/applications/${id}`, { token: intake })).status).toBe(200);
    // Accepted, its verification left to the sweeper: the submission gave up on Redis rather than wait for it.
    const enqueue = jest.spyOn(t.app.get(VerificationService), 'enqueue');
    expect((await t.request('POST', '/v1/applications', { token: intake, body: SANDBOX_CASES[1].application })).status).toBe(202);
    expect(await enqueue.mock.results[0].value).toBe(false);
    enqueue.mockRestore();

    await redis.start();
    const back = await until(t, 200, 'GET', '/health/ready');
    expect(back.body.checks.redis.status).toBe('up');
  });
});

describe('PostgreSQL down', () => {
  let postgres: PrivatePostgres;
  let t: TestApp;
  let intake: string;
  let auditor: string;

  beforeAll(async () => {
    postgres = await privatePostgres();
    // DATABASE_URL given to the app wins over the test database of the kind named.
    t = await startTestApp('sqlite', { DATABASE_URL: postgres.url });
    intake = t.token('intake', 'intake-db-down');
    auditor = t.token('auditor', 'auditor-db-down');
  });
  afterAll(async () => {
    await t?.close();
    await postgres?.destroy();
  });

  it('answers 503 problem+json naming the database, and recovers when it returns', async () => {
    const id = await submitCase(t, intake, SANDBOX_CASES[0]);
    await postgres.stop();

    const requests: Array<[string, string, Parameters<TestApp['request']>[2]]> = [
      ['POST', '/v1/applications', { token: intake, body: SANDBOX_CASES[1].application }],
      ['GET', '/v1/applications', { token: intake }],
      ['GET', `/v1/applications/${id}`, { token: intake }],
      ['GET', '/v1/audit-events', { token: auditor }],
    ];
    for (const [method, path, options] of requests) {
      const response = await t.request(method, path, options);
      expectUnavailable(response);
      expect(response.body).toMatchObject({ status: 503, detail: expect.stringMatching(/database/) });
      // No connection string, address or SQL in what the client sees.
      expect(response.text).not.toMatch(/postgres:|127\.0\.0\.1|SELECT|INSERT|ECONN/i);
    }

    outlastReadinessResult(t);
    const ready = await t.request('GET', '/health/ready');
    expectUnavailable(ready);
    expect(ready.body.detail).toMatch(/database/);
    expect(ready.body.checks).toEqual({
      database: expect.objectContaining({ status: 'down' }),
      redis: expect.objectContaining({ status: 'up' }),
      householdRegistry: { status: 'up', circuit: 'sandbox' },
      vehicleRegistry: { status: 'up', circuit: 'sandbox' },
      businessRegistry: { status: 'up', circuit: 'sandbox' },
    });
    expect(ready.text).not.toMatch(/127\.0\.0\.1|ECONN/);

    await postgres.start();
    await until(t, 200, 'GET', '/health/ready');
    expect((await t.request('POST', '/v1/applications', { token: intake, body: SANDBOX_CASES[1].application })).status).toBe(202);
    expect((await t.request('GET', '/v1/applications', { token: intake })).status).toBe(200);
    expect((await t.request('GET', `/v1/applications/${id}`, { token: intake })).status).toBe(200);
  });
});
