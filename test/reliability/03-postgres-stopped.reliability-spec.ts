import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { http } from './support/http.js';
import { checkInvariants } from './support/invariants.js';
import { submitLoad } from './support/load.js';
import { outcomeMismatches } from './support/outcomes.js';
import { waitForDeterminations } from './support/progress.js';
import { report } from './support/report.js';
import { scenarioEnvironment, type ScenarioEnvironment } from './support/scenario-environment.js';
import { token } from './support/tokens.js';

const APPLICATIONS = 300;
/** Four times what a job's three attempts would last (1 s and 2 s of backoff), had the outage used them up. */
const DOWN_MS = 12000;

/**
 * The database (a private PostgreSQL) is stopped for 12 s in the middle of the load. The API
 * answers 503 problem+json at once and says so in /health/ready; jobs wait instead of using
 * up their attempts, so once it is back every application is determined as if nothing had
 * happened: an outage sends nobody to review.
 */
describe('03 PostgreSQL stopped for 12 s during load', () => {
  let environment: ScenarioEnvironment;
  const intake = token('intake', 'intake-postgres');

  beforeAll(async () => {
    environment = await scenarioEnvironment({ simulator: { latencyMs: 40 }, database: 'private' });
    await environment.startServices(2, { WORKER_CONCURRENCY: '20' });
  });
  afterAll(async () => {
    await environment?.close();
  });

  it('answers 503 while it is down and determines everything once it is back', () =>
    environment.withLogs(async () => {
      const urls = environment.services.map((service) => service.url);
      const retry = { keyPrefix: 'outage', forMs: DOWN_MS + 60000, delayMs: 500 };
      const load = submitLoad({ urls, token: intake, count: APPLICATIONS, concurrency: 4, retry });
      await waitForDeterminations(environment.databaseUrl, APPLICATIONS / 10);

      await environment.postgres!.stop();
      const stoppedAt = Date.now();
      const probes: { status: number; ms: number; type: string | null; down?: unknown }[] = [];
      while (Date.now() - stoppedAt < DOWN_MS) {
        for (const url of urls) {
          const started = Date.now();
          const ready = await http(url, 'GET', '/health/ready');
          const submit = await http(url, 'POST', '/v1/applications', { token: intake, body: SANDBOX_CASES[0].application });
          probes.push({ status: ready.status, ms: Date.now() - started, type: ready.headers.get('content-type'), down: ready.body });
          probes.push({ status: submit.status, ms: Date.now() - started, type: submit.headers.get('content-type') });
        }
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      await environment.postgres!.start();
      const restartedAt = Date.now();

      // Every probe during the outage: 503 problem+json; readiness names the database. (How fast is reported, not asserted.)
      const slowest = Math.max(...probes.map((probe) => probe.ms));
      expect(probes.filter((probe) => probe.status !== 503 || !probe.type?.startsWith('application/problem+json'))).toEqual([]);
      expect(JSON.stringify(probes[0].down)).toMatch(/database/);

      const result = await load;
      expect(result.refused).toEqual([]);
      const { figures, applications } = await checkInvariants({
        databaseUrl: environment.databaseUrl,
        redisUrl: environment.redis.url,
        queuePrefix: environment.queuePrefix,
        accepted: result.accepted.map((submission) => submission.id),
        since: restartedAt,
        timeoutMs: 90000,
        exactApplications: true,
      });
      expect(figures.accepted).toBe(APPLICATIONS);
      expect(outcomeMismatches(result.accepted, applications)).toEqual([]);
      expect(environment.services.every((service) => service.running())).toBe(true);
      report('03-postgres-stopped', {
        ...figures,
        downSeconds: (restartedAt - stoppedAt) / 1000,
        probesWhileDown: probes.length,
        slowestProbeMs: slowest,
        submissionsRefused503: result.statuses['503'] ?? 0,
      });
    }));
});
