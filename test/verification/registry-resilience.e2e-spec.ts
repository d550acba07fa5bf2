import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { RegistryHealth } from '../../src/modules/registries/registry-health.js';
import type { RegistrySource } from '../../src/modules/registries/registry.types.js';
import { startRegistrySimulator, type RegistrySimulator } from '../../src/modules/registries/sandbox/registry-simulator.server.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { isSandboxPath, SANDBOX_ENDPOINTS } from '../../src/modules/registries/sandbox/sandbox-registry.handler.js';
import { submitCase } from '../support/sandbox-case-runner.js';
import { simulatorEnv, startTestApp, type TestApp } from '../support/test-app.js';

const TOKEN = 'registry-test-token';
const ELIGIBLE = SANDBOX_CASES.find((sandboxCase) => sandboxCase.expected.outcome === 'ELIGIBLE')!;

/**
 * Registries that misbehave, with the service pointed at the registry simulator: a circuit
 * breaker per registry, BullMQ's limiter per registry queue, and 429s that hold a queue back.
 * Timings are read from when the simulator received each request, not from sleeps.
 */
describe.each(['sqlite', 'postgres'] as const)('registry resilience, on %s', (kind) => {
  let simulator: RegistrySimulator;
  let t: TestApp | undefined;
  let intake: string;
  /** When the simulator received each request, by registry. */
  let received: { at: number; source: RegistrySource }[] = [];
  const record = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    const path = (request.url ?? '').split('?')[0];
    if (request.socket.localPort !== simulator.port || !isSandboxPath(path)) return;
    received.push({ at: performance.now(), source: SANDBOX_ENDPOINTS[path].source });
  };
  const receivedBy = (source: RegistrySource) => received.filter((request) => request.source === source).map(({ at }) => at);

  beforeAll(async () => {
    simulator = await startRegistrySimulator({ token: TOKEN });
    subscribe('http.server.request.start', record);
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
    simulator.setFaults({});
    simulator.resetCounters();
    received = [];
  });
  afterAll(async () => {
    unsubscribe('http.server.request.start', record);
    await simulator?.close();
  });

  async function start(env: Record<string, string>): Promise<TestApp> {
    t = await startTestApp(kind, {
      ...simulatorEnv(simulator.url, TOKEN),
      REGISTRY_TIMEOUT_MS: '5000',
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

  it('a registry that stays down: the first checks spend their budget, the breaker opens, the rest fail fast; all go to review', async () => {
    const threshold = 3;
    const concurrency = 2;
    simulator.setFaults({ registries: { VEHICLE_REGISTRATION: { status: 503 } } });
    const app = await start({
      WORKER_CONCURRENCY: String(concurrency),
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
    const attempts = applications.map((application) => vehicleCheck(application).attempts as number);
    const spent = attempts.filter((n) => n === 4).length;
    // The checks already under way when the breaker opens finish spending theirs.
    expect(spent).toBeGreaterThanOrEqual(threshold);
    expect(spent).toBeLessThanOrEqual(threshold + concurrency - 1);
    expect(attempts.filter((n) => n === 0)).toHaveLength(applications.length - spent);
    for (const application of applications.filter((a) => vehicleCheck(a).attempts === 0)) {
      expect(vehicleCheck(application).requestIds).toEqual([]);
    }
    expect(simulator.requests('VEHICLE_REGISTRATION')).toBe(4 * spent);
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
    const halfOpenMs = 500;
    simulator.setFaults({ registries: { VEHICLE_REGISTRATION: { status: 503 } } });
    const app = await start({ REGISTRY_BREAKER_THRESHOLD: '1', REGISTRY_BREAKER_HALF_OPEN_MS: String(halfOpenMs) });
    const [down] = await determineMany(app, 1);
    expect(vehicleCheck(down)).toMatchObject({ status: 'FAILED', attempts: 4 });
    const openedAt = receivedBy('VEHICLE_REGISTRATION').at(-1)!;
    expect(app.app.get(RegistryHealth).condition('VEHICLE_REGISTRATION')).toBe('open');

    simulator.setFaults({});
    // Until the half-open time has passed, checks fail fast; the first after it probes the registry.
    let application;
    for (const deadline = Date.now() + 10000; ;) {
      [application] = await determineMany(app, 1);
      if (vehicleCheck(application).status === 'SUCCEEDED') break;
      expect(vehicleCheck(application)).toMatchObject({ status: 'FAILED', attempts: 0 });
      if (Date.now() > deadline) throw new Error('the breaker never let a probe through');
    }
    expect(application.determination.outcome).toBe('ELIGIBLE');
    const probes = receivedBy('VEHICLE_REGISTRATION').filter((at) => at > openedAt);
    expect(probes).toHaveLength(1);
    expect(probes[0]! - openedAt).toBeGreaterThanOrEqual(halfOpenMs - 50);
    expect(app.app.get(RegistryHealth).condition('VEHICLE_REGISTRATION')).toBe('closed');
  }, 20000);

  it('a rate limit of 5 per second on the vehicle queue spreads 20 checks over four seconds', async () => {
    const app = await start({ VEHICLE_REGISTRY_RATE_LIMIT: '5' });
    const applications = await determineMany(app, 20);
    for (const application of applications) expect(application.determination.outcome).toBe('ELIGIBLE');

    const vehicle = receivedBy('VEHICLE_REGISTRATION');
    expect(vehicle).toHaveLength(20);
    // BullMQ's limiter counts fixed windows of a second from the first check of each: four
    // windows of five, so the 6th, 11th and 16th calls come a second later each (less the
    // spread between a check's start and its request).
    for (const window of [1, 2, 3]) expect(vehicle[5 * window]! - vehicle[0]!).toBeGreaterThanOrEqual(1000 * window - 200);
    expect(vehicle.at(-1)! - vehicle[0]!).toBeGreaterThanOrEqual(2800);
    // The other registries are not held back.
    const household = receivedBy('HOUSEHOLD_REGISTRATION');
    expect(household.at(-1)! - household[0]!).toBeLessThan(vehicle.at(-1)! - vehicle[0]!);
    await app.queuesDrained(5000);
  }, 20000);

  it('a 429 storm with Retry-After 1 holds the queue back for each wait, and the checks succeed afterwards', async () => {
    const storm = 4;
    simulator.setFaults({ registries: { VEHICLE_REGISTRATION: { failFirst: { count: storm, status: 429, retryAfterSeconds: 1 } } } });
    // One check at a time and two attempts per call: the first check gives up on 429 twice and is put back each time.
    const app = await start({ WORKER_CONCURRENCY: '1', REGISTRY_MAX_ATTEMPTS: '2' });
    const applications = await determineMany(app, 5);
    for (const application of applications) {
      expect(application.determination.outcome).toBe('ELIGIBLE');
      expect(vehicleCheck(application)).toMatchObject({ status: 'SUCCEEDED', failure: null });
    }

    const vehicle = receivedBy('VEHICLE_REGISTRATION');
    // Every 429 cost one request, none more: the storm, then one per check.
    expect(vehicle).toHaveLength(storm + applications.length);
    // After each 429 nothing reached the registry for the second it asked, whether the call
    // retried after it or its check went back to the queue (the 2nd and 4th).
    for (let i = 0; i < storm; i++) expect(vehicle[i + 1]! - vehicle[i]!).toBeGreaterThanOrEqual(900);
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
