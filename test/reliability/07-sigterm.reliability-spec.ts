import { readFileSync } from 'node:fs';
import { QueueName } from '../../src/core/queue/queue.types.js';
import { withQueues } from './support/queues.js';
import { http } from './support/http.js';
import { checkInvariants } from './support/invariants.js';
import { submitLoad } from './support/load.js';
import { outcomeMismatches } from './support/outcomes.js';
import { waitForDeterminations } from './support/progress.js';
import { report } from './support/report.js';
import { scenarioEnvironment, type ScenarioEnvironment } from './support/scenario-environment.js';
import { token } from './support/tokens.js';

const BEFORE = 200;
const DURING = 100;
const GRACE_MS = 10000;

/**
 * SIGTERM to the only service process during load: it turns new requests away with 503,
 * finishes the jobs under way within the grace period and exits 0, leaving no job active; a
 * new process picks up the rest. Submissions refused meanwhile are sent again with their
 * Idempotency-Key, so none is lost and none is accepted twice.
 */
describe('07 SIGTERM during load', () => {
  let environment: ScenarioEnvironment;
  const intake = token('intake', 'intake-sigterm');

  beforeAll(async () => {
    environment = await scenarioEnvironment({ simulator: { latencyMs: 800 } });
    await environment.startServices(1, { SHUTDOWN_GRACE_MS: String(GRACE_MS), WORKER_CONCURRENCY: '20' });
  });
  afterAll(async () => {
    await environment?.close();
  });

  it('finishes what is under way, stalls nothing, and a restart picks up the rest', () =>
    environment.withLogs(async () => {
      const [first] = environment.services;
      const urls = [first.url];
      const retry = { forMs: 120000, delayMs: 250 };
      const before = await submitLoad({ urls, token: intake, count: BEFORE, concurrency: 16, retry: { keyPrefix: 'before', ...retry } });
      await waitForDeterminations(environment.databaseUrl, BEFORE / 4);
      // Submissions still arriving when the signal comes.
      const during = submitLoad({ urls, token: intake, count: DURING, concurrency: 2, retry: { keyPrefix: 'during', ...retry } });
      const underWay = await jobsUnderWay(environment);
      const stoppedAt = Date.now();
      const exit = await first.kill('SIGTERM', GRACE_MS + 15000);
      const stopSeconds = (Date.now() - stoppedAt) / 1000;
      // Exit 0: the jobs drained within the grace period (a shutdown that hangs past it exits 1).
      expect(exit).toEqual({ code: 0, signal: null });
      expect(gaveUpOnJobs(first.logPath)).toBe(false);
      // Every job under way at the signal finished there, and none is left active.
      expect(await statesOf(environment, underWay)).toEqual(underWay.map(() => 'completed'));
      expect(await activeJobs(environment)).toEqual([]);

      const [restarted] = await environment.startServices(1, { SHUTDOWN_GRACE_MS: String(GRACE_MS), WORKER_CONCURRENCY: '20' });
      // Submissions refused meanwhile go to the new process from now on.
      urls.splice(0, 1, restarted.url);
      const after = await during;
      expect([...before.refused, ...after.refused]).toEqual([]);
      const accepted = [...before.accepted, ...after.accepted];

      const { figures, applications } = await checkInvariants({
        databaseUrl: environment.databaseUrl,
        redisUrl: environment.redis.url,
        queuePrefix: environment.queuePrefix,
        accepted: accepted.map((submission) => submission.id),
        since: stoppedAt,
        timeoutMs: 90000,
        exactApplications: true,
      });
      expect(figures.accepted).toBe(BEFORE + DURING);
      expect(outcomeMismatches(accepted, applications)).toEqual([]);
      // Turned away while stopping, or while no process listened; each was sent again with its key.
      const refusedWhileStopping = (after.statuses['503'] ?? 0) + (after.statuses.network ?? 0);
      expect(after.statuses['503']).toBeGreaterThan(0);
      report('07-sigterm', {
        ...figures,
        stopSeconds,
        jobsUnderWayAtSignal: underWay.length,
        resubmitted: after.retries,
        refusedWhileStopping,
      });

      // Once drained, a SIGTERM ends the new process with nothing to wait for: no job was left to its lock.
      expect((await http(restarted.url, 'GET', '/health/ready')).status).toBe(200);
      expect(await restarted.kill('SIGTERM')).toEqual({ code: 0, signal: null });
      expect(gaveUpOnJobs(restarted.logPath)).toBe(false);
    }));
});

/** Whether a process's log says it stopped waiting for jobs at the end of its grace period. */
function gaveUpOnJobs(logPath: string): boolean {
  return readFileSync(logPath, 'utf8').includes('Jobs still running at the end of the grace period');
}

/** Polls until some job is active in a queue, and answers the active ones. */
async function jobsUnderWay(environment: ScenarioEnvironment): Promise<[QueueName, string][]> {
  for (const deadline = Date.now() + 30000; ;) {
    const active = await activeJobs(environment);
    if (active.length > 0) return active;
    if (Date.now() > deadline) throw new Error('no job under way while submissions arrive');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The jobs active in any queue right now, as [queue, job id]. */
async function activeJobs(environment: ScenarioEnvironment): Promise<[QueueName, string][]> {
  return withQueues(environment.redis.url, environment.queuePrefix, async (queues) => {
    const active = await Promise.all(queues.map((queue) => queue.getActive()));
    return active.flatMap((jobs, i) => jobs.map((job) => [queues[i].name as QueueName, job.id!] as [QueueName, string]));
  });
}

async function statesOf(environment: ScenarioEnvironment, jobs: [QueueName, string][]): Promise<string[]> {
  return withQueues(environment.redis.url, environment.queuePrefix, (queues) =>
    Promise.all(jobs.map(([name, id]) => queues.find((queue) => queue.name === name)!.getJobState(id))),
  );
}
