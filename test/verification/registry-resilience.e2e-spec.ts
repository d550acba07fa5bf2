import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { QUOTA_CHANNEL, type QuotaDecision } from '../../src/modules/registries/quota/registry-quota.js';
import { RegistryHealth } from '../../src/modules/registries/registry-health.js';
import type { RegistrySource } from '../../src/modules/registries/registry.types.js';
import { startRegistrySimulator, type RegistrySimulator } from '../../src/modules/registries/sandbox/registry-simulator.server.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { submitCase } from '../support/sandbox-case-runner.js';
import { simulatorEnv, startTestApp, type TestApp } from '../support/test-app.js';

const TOKEN = 'registry-test-token';
const ELIGIBLE = SANDBOX_CASES.find((sandboxCase) => sandboxCase.expected.outcome === 'ELIGIBLE')!;

/**
 * Registries that misbehave, with the service pointed at the registry simulator: a circuit
 * breaker per registry, a call quota per registry kept in Redis, and 429s that hold a registry
 * back. What is asserted is what the code decided (the quota's grants, the requests the
 * simulator logged and what it answered them), never how long something took.
 */
describe.each(['sqlite', 'postgres'] as const)('registry resilience, on %s', (kind) => {
  let simulator: RegistrySimulator;
  let t: TestApp | undefined;
  let intake: string;
  /** The quota's decisions, as it published them. */
  let decisions: QuotaDecision[] = [];
  const record = (message: unknown) => void decisions.push(message as QuotaDecision);
  const grantsOf = (source: RegistrySource) =>
    decisions.filter(
      (decision): decision is Extract<QuotaDecision, { kind: 'grant' }> => decision.kind === 'grant' && decision.source === source,
    );

  beforeAll(async () => {
    simulator = await startRegistrySimulator({ token: TOKEN });
    subscribe(QUOTA_CHANNEL.name, record);
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
    simulator.setFaults({});
    simulator.resetCounters();
    decisions = [];
  });
  afterAll(async () => {
    unsubscribe(QUOTA_CHANNEL.name, record);
    await simulator?.close();
  });

  async function start(env: Record<string, string>): Promise<TestApp> {
    t = await startTestApp(kind, {
      ...simulatorEnv(simulator.url, TOKEN),
      // Nothing hangs here: generous, so that a busy machine never passes for a registry timeout (an extra attempt).
      REGISTRY_TIMEOUT_MS: '30000',
      REGISTRY_RETRY_BASE_MS: '10',
      REGISTRY_RETRY_AFTER_CAP_MS: '2000',
      ...env,
    });
    intake = t.token('intake', 'intake-resilience');
    return t;
  }

  async function determineMany(app: TestApp, count: number): Promise<any[]> {
    const ids = await Promise.all(Array.from({ length: count }, () => submitCase(app, intake, ELIGIBLE)));
    return Promise.all(ids.map(async (id) => (await app.waitForDetermination(id, intake, 15000)).body));
  }

  const vehicleCheck = (application: any) => application.checks.find((c: { source: string }) => c.source === 'VEHICLE_REGISTRATION');

  it('a registry that stays down: the first calls spend their budget, the breaker opens, the rest fail fast; all go to review', async () => {
    const threshold = 3;
    const concurrency = 2;
    simulator.setFaults({ registries: { VEHICLE_REGISTRATION: { status: 503 } } });
    const app = await start({
      WORKER_CONCURRENCY: String(concurrency),
      REGISTRY_CALLS_IN_FLIGHT: String(concurrency),
      REGISTRY_BREAKER_THRESHOLD: String(threshold),
      REGISTRY_BREAKER_HALF_OPEN_MS: '60000',
    });

    const applications = await determineMany(app, 10);
    for (const application of applications) {
      expect(application.status).toBe('IN_REVIEW');
      expect(application.determination.outcome).toBe('NEEDS_REVIEW');
      expect(application.determination.findings.map((f: { code: string; source: string }) => `${f.code}:${f.source}`)).toEqual([
        'SOURCE_UNAVAILABLE:VEHICLE_REGISTRATION',
      ]);
      expect(vehicleCheck(application)).toMatchObject({ status: 'FAILED', failure: 'UNAVAILABLE' });
    }
    // A check either rode on a call that spent its four attempts (shared by the checks it carried) or failed fast.
    const checks = applications.map(vehicleCheck);
    expect(checks.filter((c) => c.attempts !== 4 && c.attempts !== 0)).toEqual([]);
    for (const failedFast of checks.filter((c) => c.attempts === 0)) expect(failedFast.requestIds).toEqual([]);
    const spentCalls = new Set(checks.filter((c) => c.attempts === 4).map((c) => JSON.stringify(c.requestIds)));
    // The calls already under way when the breaker opens finish spending theirs.
    expect(spentCalls.size).toBeGreaterThanOrEqual(threshold);
    expect(spentCalls.size).toBeLessThanOrEqual(threshold + concurrency - 1);
    expect(
      simulator
        .log('VEHICLE_REGISTRATION')
        .map((call) => call.requestId)
        .sort(),
    ).toEqual([...spentCalls].flatMap((ids) => JSON.parse(ids) as string[]).sort());
    expect(app.app.get(RegistryHealth).condition('VEHICLE_REGISTRATION')).toBe('open');
    expect(app.app.get(RegistryHealth).condition('HOUSEHOLD_REGISTRATION')).toBe('closed');
    // Readiness shows the open circuit, and stays 200: applications are still taken and go to review.
    const ready = await app.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({
      householdRegistry: { status: 'up', circuit: 'closed' },
      vehicleRegistry: { status: 'up', circuit: 'open' },
      businessRegistry: { status: 'up', circuit: 'closed' },
    });
    await app.queuesDrained(5000);
  }, 20000);

  it('the breaker half-opens after the configured time and closes when the registry is back', async () => {
    simulator.setFaults({ registries: { VEHICLE_REGISTRATION: { status: 503 } } });
    const app = await start({ REGISTRY_BREAKER_THRESHOLD: '1', REGISTRY_BREAKER_HALF_OPEN_MS: '500' });
    const [down] = await determineMany(app, 1);
    expect(vehicleCheck(down)).toMatchObject({ status: 'FAILED', attempts: 4 });
    const failedCalls = simulator.log('VEHICLE_REGISTRATION').length;
    expect(app.app.get(RegistryHealth).condition('VEHICLE_REGISTRATION')).toBe('open');

    simulator.setFaults({});
    // While the circuit is open, checks fail fast without a call; the first after the half-open
    // time probes the registry (the half-open time itself is RegistryHttpClient's unit spec, on a fake clock).
    let application;
    for (const deadline = Date.now() + 10000; ;) {
      [application] = await determineMany(app, 1);
      if (vehicleCheck(application).status === 'SUCCEEDED') break;
      expect(vehicleCheck(application)).toMatchObject({ status: 'FAILED', attempts: 0, requestIds: [] });
      if (Date.now() > deadline) throw new Error('the breaker never let a probe through');
    }
    expect(application.determination.outcome).toBe('ELIGIBLE');
    const probes = simulator.log('VEHICLE_REGISTRATION').slice(failedCalls);
    expect(probes.map(({ requestId, status }) => ({ requestId, status }))).toEqual([
      { requestId: vehicleCheck(application).requestIds[0], status: 200 },
    ]);
    expect(app.app.get(RegistryHealth).condition('VEHICLE_REGISTRATION')).toBe('closed');
  }, 20000);

  it('a quota of 5 calls a second to the vehicle registry spaces its calls 200 ms apart, and no other registry waits', async () => {
    const app = await start({ VEHICLE_REGISTRY_RATE_LIMIT: '5' });
    // One application after the other, so that each lookup is a call of its own: twenty calls.
    const applications = [];
    for (let i = 0; i < 20; i++) applications.push(...(await determineMany(app, 1)));
    for (const application of applications) expect(application.determination.outcome).toBe('ELIGIBLE');

    // Every call the registry received had a slot of the quota, its own.
    const calls = simulator.log('VEHICLE_REGISTRATION');
    expect(calls).toHaveLength(20);
    const grants = new Map(grantsOf('VEHICLE_REGISTRATION').map((grant) => [grant.requestId, grant]));
    expect(calls.filter((call) => !grants.has(call.requestId!))).toEqual([]);
    expect(grants.size).toBe(calls.length);
    const slots = calls.map((call) => grants.get(call.requestId!)!.slotMs).sort((a, b) => a - b);
    // The quota's slots are 1000 / 5 ms apart on Redis's clock, so each second of them holds five calls at most.
    for (let i = 1; i < slots.length; i++) expect(slots[i] - slots[i - 1]).toBeGreaterThanOrEqual(200);
    const perSecond = countBy(slots.map((slot) => Math.floor((slot - slots[0]) / 1000)));
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(5);
    expect(perSecond.size).toBeGreaterThanOrEqual(4);
    // The household and business registries have no quota: each call's slot was the moment it asked.
    for (const source of ['HOUSEHOLD_REGISTRATION', 'BUSINESS_REGISTRATION'] as const) {
      expect(grantsOf(source)).toHaveLength(simulator.log(source).length);
      for (const grant of grantsOf(source)) expect(grant.slotMs).toBe(grant.reservedAtMs);
    }
    await app.queuesDrained(5000);
  }, 30000);

  it('a 429 storm with Retry-After 1: no call reaches the registry before the second it asked for, and the checks succeed afterwards', async () => {
    const storm = 4;
    simulator.setFaults({ registries: { VEHICLE_REGISTRATION: { failFirst: { count: storm, status: 429, retryAfterSeconds: 1 } } } });
    // One check at a time and two attempts per call: a check that meets two 429s goes back to the queue for the wait.
    const app = await start({ WORKER_CONCURRENCY: '1', REGISTRY_MAX_ATTEMPTS: '2' });
    const applications = await determineMany(app, 5);
    for (const application of applications) {
      expect(application.determination.outcome).toBe('ELIGIBLE');
      expect(vehicleCheck(application)).toMatchObject({ status: 'SUCCEEDED', failure: null });
    }

    const calls = simulator.log('VEHICLE_REGISTRATION');
    // Every 429 cost one request, none more: the storm, then one per check.
    expect(calls.map((call) => call.status)).toEqual([...Array(storm).fill(429), ...applications.map(() => 200)]);
    // As the simulator recorded it: each request after a 429 arrived once the Retry-After it answered had passed,
    // whether the call retried after it or its check went back to the queue.
    for (let i = 0; i < storm; i++) {
      expect(calls[i].retryAfterSeconds).toBe(1);
      expect(calls[i + 1].receivedAt - calls[i].answeredAt!).toBeGreaterThanOrEqual(1000);
    }
    // Each 429 also held the registry back for every other process, through the quota.
    expect(decisions.filter((decision) => decision.kind === 'hold')).toEqual(
      Array(storm).fill({ kind: 'hold', source: 'VEHICLE_REGISTRATION', holdMs: 1000, scope: 'all' }),
    );
    await app.queuesDrained(5000);
  }, 20000);

  it('a registry that never stops answering 429: the check goes back to the queue a bounded number of times, then SOURCE_UNAVAILABLE', async () => {
    simulator.setFaults({ registries: { VEHICLE_REGISTRATION: { status: 429, retryAfterSeconds: 0 } } });
    const app = await start({ REGISTRY_MAX_ATTEMPTS: '2', REGISTRY_RATE_LIMIT_DEFERRALS: '2' });
    const [application] = await determineMany(app, 1);
    expect(application.status).toBe('IN_REVIEW');
    expect(vehicleCheck(application)).toMatchObject({ status: 'FAILED', failure: 'UNAVAILABLE', attempts: 2 });
    // The first run and two more after going back to the queue, two attempts each.
    expect(simulator.requests('VEHICLE_REGISTRATION')).toBe(3 * 2);
    await app.queuesDrained(5000);
  }, 20000);
});

function countBy<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
