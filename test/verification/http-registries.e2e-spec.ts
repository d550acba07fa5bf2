import { startRegistrySimulator, type RegistrySimulator } from '../../src/modules/registries/sandbox/registry-simulator.server.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { expectCaseOutcome, submitCase } from '../support/sandbox-case-runner.js';
import { simulatorEnv, startTestApp, type TestApp } from '../support/test-app.js';

const TOKEN = 'registry-test-token';

/**
 * The service with all three registries reached over HTTP: an independent server speaking
 * the contract over the sandbox dataset. Every case of the dataset comes out as worked out by
 * hand; faults end as SOURCE_* findings and a case for review, never a lost or stuck application.
 */
describe.each(['sqlite', 'postgres'] as const)('registries over HTTP, on %s', (kind) => {
  let simulator: RegistrySimulator;
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    simulator = await startRegistrySimulator({ token: TOKEN, seed: 7 });
    t = await startTestApp(kind, {
      ...simulatorEnv(simulator.url, TOKEN),
      // Nothing hangs here: generous, so that a busy event loop under 36 concurrent cases is never
      // taken for a registry timeout. Timeouts have their own suite below.
      REGISTRY_TIMEOUT_MS: '30000',
      // The breaker is tested on its own (registry-resilience); here every failure spends its budget.
      REGISTRY_BREAKER_THRESHOLD: '1000',
      REGISTRY_RETRY_BASE_MS: '10',
      REGISTRY_RETRY_AFTER_CAP_MS: '50',
    });
    intake = t.token('intake', 'intake-http');
  });
  afterEach(() => simulator.setFaults({}));
  afterAll(async () => {
    await t?.close();
    await simulator?.close();
  });

  it('determines every sandbox case as worked out by hand', async () => {
    const ids = await Promise.all(SANDBOX_CASES.map((sandboxCase) => submitCase(t, intake, sandboxCase)));
    for (const [index, id] of ids.entries()) {
      const application = (await t.waitForDetermination(id, intake)).body;
      expectCaseOutcome(application, SANDBOX_CASES[index]);
    }
  });

  const eligible = SANDBOX_CASES.find((sandboxCase) => sandboxCase.expected.outcome === 'ELIGIBLE')!;
  const vehicleOwner = SANDBOX_CASES.find((sandboxCase) =>
    sandboxCase.expected.findings.some((f) => f.code === 'VEHICLE_OWNED' && f.severity === 'DISQUALIFYING'),
  )!;

  async function determine(sandboxCase = eligible) {
    const id = await submitCase(t, intake, sandboxCase);
    return (await t.waitForDetermination(id, intake)).body;
  }

  const codes = (application: any) => application.determination.findings.map((finding: { code: string }) => finding.code);
  const check = (application: any, source: string) => application.checks.find((c: { source: string }) => c.source === source);

  it('retries a registry answering 503 twice and then uses its answer', async () => {
    simulator.setFaults({ registries: { VEHICLE_REGISTRATION: { failFirst: { count: 2, status: 503 } } } });
    const application = await determine();
    expect(application.determination.outcome).toBe('ELIGIBLE');
    expect(check(application, 'VEHICLE_REGISTRATION')).toMatchObject({ status: 'SUCCEEDED', attempts: 3 });
    expect(check(application, 'VEHICLE_REGISTRATION').requestIds).toHaveLength(3);
  });

  it('sends a case to review with SOURCE_UNAVAILABLE when a registry stays down, never a negative decision', async () => {
    simulator.setFaults({ registries: { VEHICLE_REGISTRATION: { status: 503 } } });
    const application = await determine(vehicleOwner);
    expect(application.status).toBe('IN_REVIEW');
    expect(application.determination.outcome).toBe('NEEDS_REVIEW');
    expect(codes(application)).toContain('SOURCE_UNAVAILABLE');
    expect(codes(application)).not.toContain('VEHICLE_OWNED');
    expect(check(application, 'VEHICLE_REGISTRATION')).toMatchObject({ status: 'FAILED', failure: 'UNAVAILABLE', attempts: 4 });
    const finding = application.determination.findings.find((f: { code: string }) => f.code === 'SOURCE_UNAVAILABLE');
    expect(finding).toMatchObject({ source: 'VEHICLE_REGISTRATION', severity: 'REVIEW', memberIdNumber: null });
  });

  it('does not retry a registry that refuses the request, and counts it as unavailable', async () => {
    simulator.setFaults({ registries: { BUSINESS_REGISTRATION: { status: 403 } } });
    const application = await determine();
    expect(check(application, 'BUSINESS_REGISTRATION')).toMatchObject({ status: 'FAILED', failure: 'UNAVAILABLE', attempts: 1 });
    expect(codes(application)).toEqual(['SOURCE_UNAVAILABLE']);
  });

  it('waits out 429 with Retry-After and then uses the answer', async () => {
    simulator.setFaults({ registries: { HOUSEHOLD_REGISTRATION: { failFirst: { count: 1, status: 429, retryAfterSeconds: 1 } } } });
    const application = await determine();
    expect(application.determination.outcome).toBe('ELIGIBLE');
    expect(check(application, 'HOUSEHOLD_REGISTRATION').attempts).toBeGreaterThanOrEqual(3);
  });

  it('treats a malformed answer as SOURCE_INVALID_RESPONSE, not as an empty result', async () => {
    simulator.setFaults({ registries: { VEHICLE_REGISTRATION: { malformedRate: 1 } } });
    const application = await determine(vehicleOwner);
    expect(check(application, 'VEHICLE_REGISTRATION')).toMatchObject({ status: 'FAILED', failure: 'INVALID_RESPONSE' });
    expect(codes(application)).toContain('SOURCE_INVALID_RESPONSE');
    expect(application.determination.outcome).toBe('NEEDS_REVIEW');
  });

  it('treats an answer that leaves out an identifier as SOURCE_INVALID_RESPONSE', async () => {
    simulator.setFaults({ registries: { BUSINESS_REGISTRATION: { incompleteRate: 1 } } });
    const application = await determine();
    expect(check(application, 'BUSINESS_REGISTRATION')).toMatchObject({ status: 'FAILED', failure: 'INVALID_RESPONSE' });
    expect(application.determination.outcome).toBe('NEEDS_REVIEW');
  });

  it('still determines when all three registries are down: three SOURCE_UNAVAILABLE findings, for review', async () => {
    simulator.setFaults({ status: 502 });
    const application = await determine(vehicleOwner);
    expect(application.status).toBe('IN_REVIEW');
    expect(application.determination.findings.map((f: { code: string; source: string }) => `${f.code}:${f.source}`)).toEqual([
      'SOURCE_UNAVAILABLE:BUSINESS_REGISTRATION',
      'SOURCE_UNAVAILABLE:HOUSEHOLD_REGISTRATION',
      'SOURCE_UNAVAILABLE:VEHICLE_REGISTRATION',
    ]);
  });
});

/** A registry that never answers, alone on a service with a short timeout: each attempt ends by it. */
describe.each(['sqlite', 'postgres'] as const)('a registry that hangs, over HTTP, on %s', (kind) => {
  let simulator: RegistrySimulator;
  let t: TestApp;

  beforeAll(async () => {
    simulator = await startRegistrySimulator({ token: TOKEN, faults: { registries: { HOUSEHOLD_REGISTRATION: { hangRate: 1 } } } });
    t = await startTestApp(kind, { ...simulatorEnv(simulator.url, TOKEN), REGISTRY_TIMEOUT_MS: '300', REGISTRY_RETRY_BASE_MS: '10' });
  });
  afterAll(async () => {
    await t?.close();
    await simulator?.close();
  });

  it('is given up after the attempts of the budget, each ended by the timeout, and the case goes to review', async () => {
    const intake = t.token('intake', 'intake-hang');
    const id = await submitCase(
      t,
      intake,
      SANDBOX_CASES.find((sandboxCase) => sandboxCase.expected.outcome === 'ELIGIBLE')!,
    );
    const application = (await t.waitForDetermination(id, intake)).body;
    const household = application.checks.find((c: { source: string }) => c.source === 'HOUSEHOLD_REGISTRATION');
    expect(household).toMatchObject({ status: 'FAILED', failure: 'UNAVAILABLE', attempts: 4 });
    expect(application.determination.findings.map((finding: { code: string }) => finding.code)).toEqual(['SOURCE_UNAVAILABLE']);
    // Four requests, none answered.
    expect(simulator.log('HOUSEHOLD_REGISTRATION').map((call) => [call.requestId, call.answeredAt])).toEqual(
      household.requestIds.map((requestId: string) => [requestId, undefined]),
    );
  });
});
