import type { SimulatorFaults } from '../../src/modules/registries/sandbox/registry-simulator.server.js';
import { REGISTRY_SOURCES, type RegistrySource } from '../../src/modules/registries/registry.types.js';
import { judgeEvidence } from './support/evidence.js';
import { http } from './support/http.js';
import { checkInvariants } from './support/invariants.js';
import { submitLoad, type AcceptedSubmission } from './support/load.js';
import { report } from './support/report.js';
import { scenarioEnvironment, type ScenarioEnvironment } from './support/scenario-environment.js';
import { token } from './support/tokens.js';

const HALF_OPEN_MS = 1000;
const UNDER_FAULT = 40;
const RECOVERY = 18;

interface FaultCase {
  name: string;
  faults: SimulatorFaults;
  /** Registries that answer nothing usable while the fault lasts, and the failure each check must record. */
  down?: { sources: readonly RegistrySource[]; failure: 'UNAVAILABLE' | 'INVALID_RESPONSE' };
}

const FAULTS: FaultCase[] = [
  {
    name: 'the vehicle registry hangs on every call',
    faults: { registries: { VEHICLE_REGISTRATION: { hangRate: 1 } } },
    down: { sources: ['VEHICLE_REGISTRATION'], failure: 'UNAVAILABLE' },
  },
  { name: 'all three hang on a quarter of the calls', faults: { hangRate: 0.25 } },
  {
    name: 'the household registry answers its first 40 calls with 503',
    faults: { registries: { HOUSEHOLD_REGISTRATION: { failFirst: { count: 40, status: 503 } } } },
  },
  {
    name: 'all three answer every call with 503',
    faults: { status: 503 },
    down: { sources: REGISTRY_SOURCES, failure: 'UNAVAILABLE' },
  },
  {
    name: 'the business registry answers its first 30 calls with 429, Retry-After 1 s',
    faults: { registries: { BUSINESS_REGISTRATION: { failFirst: { count: 30, status: 429, retryAfterSeconds: 1 } } } },
  },
  {
    name: 'all three answer every call with 429, Retry-After 1 s',
    faults: { status: 429, retryAfterSeconds: 1 },
    down: { sources: REGISTRY_SOURCES, failure: 'UNAVAILABLE' },
  },
  {
    name: 'the vehicle registry answers every call with a malformed body',
    faults: { registries: { VEHICLE_REGISTRATION: { malformedRate: 1 } } },
    down: { sources: ['VEHICLE_REGISTRATION'], failure: 'INVALID_RESPONSE' },
  },
  { name: 'all three answer a third of the calls with a malformed body', faults: { malformedRate: 0.3 } },
];

/**
 * Registries that hang, fail, rate-limit or answer nonsense, one at a time and all three,
 * under two service processes: every application settles, none is determined on missing
 * evidence, and once the faults clear (and the circuit breakers half-open) new applications
 * come out as the sandbox cases expect.
 */
describe('04 registry faults', () => {
  let environment: ScenarioEnvironment;
  let urls: string[];
  const intake = token('intake', 'intake-faults');
  const reviewer = token('reviewer', 'reviewer-faults');
  const allAccepted: string[] = [];

  beforeAll(async () => {
    environment = await scenarioEnvironment();
    const services = await environment.startServices(2, {
      REGISTRY_TIMEOUT_MS: '400',
      REGISTRY_RETRY_BASE_MS: '20',
      REGISTRY_RETRY_AFTER_CAP_MS: '1000',
      REGISTRY_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
      WORKER_CONCURRENCY: '20',
    });
    urls = services.map((service) => service.url);
  });
  afterAll(async () => {
    await environment?.close();
  });

  /** Checks the invariants for these submissions, and remembers them for the final count. */
  const settle = async (accepted: AcceptedSubmission[], since: number) => {
    allAccepted.push(...accepted.map(({ id }) => id));
    return checkInvariants({
      databaseUrl: environment.databaseUrl,
      redisUrl: environment.redis.url,
      queuePrefix: environment.queuePrefix,
      accepted: accepted.map(({ id }) => id),
      since,
    });
  };

  it.each(FAULTS.map((fault, index) => ({ ...fault, index })))('$name', ({ name, faults, down, index }) =>
    environment.withLogs(async () => {
      const simulator = environment.simulator!;
      simulator.setFaults(faults);
      simulator.resetCounters();
      const load = await submitLoad({ urls, token: intake, count: UNDER_FAULT, concurrency: 10, offset: index * UNDER_FAULT });
      expect(load.statuses).toEqual({ 202: UNDER_FAULT });
      const { figures, applications } = await settle(load.accepted, load.finishedAt);
      const registryRequests = simulator.requests();
      const verdict = judgeEvidence(load.accepted, applications);
      expect(verdict.violations).toEqual([]);

      if (down) {
        for (const { id } of load.accepted) {
          const read = await http(urls[0], 'GET', `/v1/applications/${id}`, { token: reviewer });
          const checks = read.body.checks.filter((check: { source: RegistrySource }) => down.sources.includes(check.source));
          const findings = read.body.determination.findings.filter(
            (finding: { code: string; source: RegistrySource }) =>
              finding.code.startsWith('SOURCE_') && down.sources.includes(finding.source),
          );
          expect({ status: read.body.status, outcome: read.body.determination.outcome }).toEqual({
            status: 'IN_REVIEW',
            outcome: 'NEEDS_REVIEW',
          });
          expect(checks.map((check: { status: string; failure: string }) => `${check.status}:${check.failure}`)).toEqual(
            down.sources.map(() => `FAILED:${down.failure}`),
          );
          expect(findings.map((finding: { source: string }) => finding.source).sort()).toEqual([...down.sources].sort());
        }
      } else {
        // The fault was met: some check retried or failed.
        expect(verdict.retriedChecks + verdict.failedChecks).toBeGreaterThan(0);
      }

      simulator.setFaults({});
      // An open circuit lets a probe through only after HALF_OPEN_MS; until then it fails checks at once.
      await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_MS + 300));
      const recoveryLoad = await submitLoad({ urls, token: intake, count: RECOVERY, concurrency: 10, offset: index * RECOVERY });
      expect(recoveryLoad.statuses).toEqual({ 202: RECOVERY });
      const recovery = await settle(recoveryLoad.accepted, recoveryLoad.finishedAt);
      const recovered = judgeEvidence(recoveryLoad.accepted, recovery.applications);
      expect({ violations: recovered.violations, asExpected: recovered.asExpected }).toEqual({ violations: [], asExpected: RECOVERY });

      expect(environment.services.filter((service) => !service.running()).map((service) => service.name)).toEqual([]);
      const { violations: _, ...evidence } = verdict;
      report(`04-registry-faults: ${name}`, {
        ...figures,
        ...evidence,
        registryRequests,
        recovery: { accepted: RECOVERY, asExpected: recovered.asExpected, secondsToSettle: recovery.figures.secondsToSettle },
      });
    }),
  );

  it('leaves exactly the accepted applications, each settled once', () =>
    environment.withLogs(async () => {
      const { figures } = await checkInvariants({
        databaseUrl: environment.databaseUrl,
        redisUrl: environment.redis.url,
        queuePrefix: environment.queuePrefix,
        accepted: allAccepted,
        since: Date.now(),
        exactApplications: true,
      });
      expect(figures.accepted).toBe(FAULTS.length * (UNDER_FAULT + RECOVERY));
      const chain = await http(urls[1], 'GET', '/v1/audit-events/verify', { token: token('auditor', 'auditor-faults') });
      expect(chain.body).toMatchObject({ valid: true });
      report('04-registry-faults: total', { ...figures, auditEvents: chain.body.events });
    }));
});
