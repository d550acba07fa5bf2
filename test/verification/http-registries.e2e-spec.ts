import { startRegistrySimulator, type RegistrySimulator } from '../../src/modules/registries/sandbox/registry-simulator.server.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { canonicalJson, sha256Hex } from '../../src/core/json/canonical-json.js';
import { BusinessRegistrySandboxAdapter } from '../../src/modules/registries/business/business-registry.sandbox-adapter.js';
import { HouseholdRegistrySandboxAdapter } from '../../src/modules/registries/household/household-registry.sandbox-adapter.js';
import { SandboxRegistryTransport } from '../../src/modules/registries/sandbox/sandbox-registry.transport.js';
import { VehicleRegistrySandboxAdapter } from '../../src/modules/registries/vehicle/vehicle-registry.sandbox-adapter.js';
import { BusinessRegistryCheck } from '../../src/modules/verification/checks/business-registry.check.js';
import { HouseholdRegistryCheck } from '../../src/modules/verification/checks/household-registry.check.js';
import { VehicleRegistryCheck } from '../../src/modules/verification/checks/vehicle-registry.check.js';
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

  it('determines every sandbox case as worked out by hand, in calls shared between them, each storing only its own answer', async () => {
    simulator.resetCounters();
    const ids = await Promise.all(SANDBOX_CASES.map((sandboxCase) => submitCase(t, intake, sandboxCase)));
    const sandbox = sandboxChecks();
    for (const [index, id] of ids.entries()) {
      const application = (await t.waitForDetermination(id, intake)).body;
      expectCaseOutcome(application, SANDBOX_CASES[index]);
      // What it stored of each registry is what that registry answers its household alone.
      const members = SANDBOX_CASES[index].application.members.map(({ idNumber, relationship }) => ({ idNumber, relationship }));
      for (const source of ['HOUSEHOLD_REGISTRATION', 'VEHICLE_REGISTRATION', 'BUSINESS_REGISTRATION'] as const) {
        const alone = await sandbox[source].consult(members);
        expect({ source, sha256: check(application, source).answerSha256 }).toEqual({
          source,
          sha256: sha256Hex(canonicalJson(alone.answer)),
        });
      }
    }
    // Fewer calls than checks: households' lookups went out together.
    const stats = simulator.stats();
    expect(stats.VEHICLE_REGISTRATION.calls).toBeLessThan(SANDBOX_CASES.length);
    expect(stats.BUSINESS_REGISTRATION.calls).toBeLessThan(SANDBOX_CASES.length);
  });

  it('fails only the application that asked for an identifier the registry refuses, in a call shared with others', async () => {
    const [refusedCase, ...others] = SANDBOX_CASES.filter((sandboxCase) => sandboxCase.expected.outcome !== 'NEEDS_REVIEW').slice(0, 6);
    const refused = refusedCase.application.members[0].idNumber;
    simulator.setFaults({ registries: { VEHICLE_REGISTRATION: { refuse: [refused] } } });
    simulator.resetCounters();
    const ids = await Promise.all([refusedCase, ...others].map((sandboxCase) => submitCase(t, intake, sandboxCase)));
    const [failed, ...passed] = await Promise.all(ids.map(async (id) => (await t.waitForDetermination(id, intake)).body));
    expect(check(failed, 'VEHICLE_REGISTRATION')).toMatchObject({ status: 'FAILED', failure: 'UNAVAILABLE' });
    expect(codes(failed)).toContain('SOURCE_UNAVAILABLE');
    for (const [index, application] of passed.entries()) expectCaseOutcome(application, others[index]);
    // The refused calls were halved until the refused identifier stood alone.
    const vehicleCalls = simulator.log('VEHICLE_REGISTRATION');
    expect(vehicleCalls.filter((call) => call.status === 400).length).toBeGreaterThan(1);
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

/** Each registry's check over the in-process sandbox, one household at a time: what a household's answer alone is. */
function sandboxChecks() {
  const transport = new SandboxRegistryTransport();
  return {
    HOUSEHOLD_REGISTRATION: new HouseholdRegistryCheck(new HouseholdRegistrySandboxAdapter(transport)),
    VEHICLE_REGISTRATION: new VehicleRegistryCheck(new VehicleRegistrySandboxAdapter(transport)),
    BUSINESS_REGISTRATION: new BusinessRegistryCheck(new BusinessRegistrySandboxAdapter(transport)),
  };
}
