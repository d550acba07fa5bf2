import { checkInvariants } from './support/invariants.js';
import { submitLoad } from './support/load.js';
import { outcomeMismatches } from './support/outcomes.js';
import { waitForDeterminations } from './support/progress.js';
import { report } from './support/report.js';
import { scenarioEnvironment, type ScenarioEnvironment } from './support/scenario-environment.js';
import { token } from './support/tokens.js';

const APPLICATIONS = 300;
const DOWN_MS = 3000;

/**
 * Redis is killed in the middle of the load and comes back a few seconds later: once with its
 * data (an append-only file), once empty. Submissions go on meanwhile and are accepted from the
 * database alone; the sweeper re-enqueues what Redis lost, and stalled jobs run again.
 */
describe.each([
  ['with its data', 'aof'],
  ['empty', 'none'],
] as const)('02 Redis restarted during load, %s', (label, persistence) => {
  let environment: ScenarioEnvironment;
  const intake = token('intake', 'intake-redis');

  beforeAll(async () => {
    environment = await scenarioEnvironment({ simulator: { latencyMs: 40 }, redis: { persistence } });
    await environment.startServices(2, { ENQUEUE_WAIT_MS: '300', JOB_LOCK_MS: '4000', WORKER_CONCURRENCY: '20' });
  });
  afterAll(async () => {
    await environment?.close();
  });

  it('verifies every accepted application once', () =>
    environment.withLogs(async () => {
      const urls = environment.services.map((service) => service.url);
      const first = await submitLoad({ urls, token: intake, count: APPLICATIONS / 2, concurrency: 8 });
      await waitForDeterminations(environment.databaseUrl, APPLICATIONS / 8);

      await environment.redis.kill();
      // Accepted while Redis is down: stored, left to the sweeper.
      const during = await submitLoad({ urls, token: intake, count: APPLICATIONS / 2, concurrency: 8, offset: 7 });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, DOWN_MS - (during.finishedAt - during.startedAt))));
      await environment.redis.start();
      const restartedAt = Date.now();

      const accepted = [...first.accepted, ...during.accepted];
      expect([...first.refused, ...during.refused]).toEqual([]);
      const { figures, applications } = await checkInvariants({
        databaseUrl: environment.databaseUrl,
        redisUrl: environment.redis.url,
        queuePrefix: environment.queuePrefix,
        accepted: accepted.map((submission) => submission.id),
        since: restartedAt,
        timeoutMs: 90000,
        exactApplications: true,
      });
      expect(figures.accepted).toBe(APPLICATIONS);
      expect(outcomeMismatches(accepted, applications)).toEqual([]);
      expect(environment.services.every((service) => service.running())).toBe(true);
      report(`02-redis-restarted-${persistence === 'aof' ? 'with-data' : 'empty'}`, {
        ...figures,
        acceptedWhileDown: during.accepted.length,
        submitSecondsWhileDown: (during.finishedAt - during.startedAt) / 1000,
      });
    }));
});
