import { readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { withQueues } from './support/queues.js';
import { checkInvariants } from './support/invariants.js';
import { submitLoad } from './support/load.js';
import { outcomeMismatches } from './support/outcomes.js';
import { waitForDeterminations } from './support/progress.js';
import { report } from './support/report.js';
import { scenarioEnvironment, type ScenarioEnvironment } from './support/scenario-environment.js';
import { token } from './support/tokens.js';

const APPLICATIONS = 300;
const LOCK_MS = 4000;

/**
 * One API process and two worker processes (SERVICE_MODE) share one Redis and one database.
 * The work spreads over both workers; one is SIGKILLed while it holds jobs. Its jobs stay
 * locked until the lock runs out, then the other worker runs them again: every application
 * ends determined or in review, once.
 */
describe('01 a worker process SIGKILLed under load', () => {
  let environment: ScenarioEnvironment;
  const intake = token('intake', 'intake-killed');

  beforeAll(async () => {
    // Registry latency keeps jobs in flight when the kill comes.
    environment = await scenarioEnvironment({ simulator: { latencyMs: 40 } });
    await environment.startServices(1, { SERVICE_MODE: 'api' });
    await environment.startServices(2, { SERVICE_MODE: 'worker', JOB_LOCK_MS: String(LOCK_MS), WORKER_CONCURRENCY: '20' });
  });
  afterAll(async () => {
    await environment?.close();
  });

  it('runs the workers below the API in CPU priority, every thread of them', () => {
    const [api, ...workers] = environment.services;
    expect(new Set(threadNiceness(api.pid))).toEqual(new Set([0]));
    for (const worker of workers) expect(new Set(threadNiceness(worker.pid))).toEqual(new Set([10]));
  });

  it('spreads the work, loses nothing and determines nothing twice', () =>
    environment.withLogs(async () => {
      const [api, survivor, victim] = environment.services;
      const load = submitLoad({ urls: [api.url], token: intake, count: APPLICATIONS, concurrency: 16 });
      await waitForDeterminations(environment.databaseUrl, APPLICATIONS / 3);
      const before = await processedBy(environment);
      expect(Object.keys(before)).toEqual(expect.arrayContaining([workerName(survivor.pid), workerName(victim.pid)]));
      expect(Object.keys(before)).not.toContain(workerName(api.pid));

      const killedAt = Date.now();
      const exit = await victim.kill('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
      const result = await load;
      expect(result.refused).toEqual([]);

      const { figures, applications } = await checkInvariants({
        databaseUrl: environment.databaseUrl,
        redisUrl: environment.redis.url,
        queuePrefix: environment.queuePrefix,
        accepted: result.accepted.map((submission) => submission.id),
        since: killedAt,
        timeoutMs: 90000,
        exactApplications: true,
      });
      expect(figures.accepted).toBe(APPLICATIONS);
      expect(outcomeMismatches(result.accepted, applications)).toEqual([]);
      // The killed worker's jobs were found stalled and run again by the other one.
      const rerun = await stalledAndRerun(environment);
      expect(rerun).toBeGreaterThan(0);
      report('01-worker-killed', { ...figures, lockMs: LOCK_MS, jobsByWorkerBeforeKill: Object.values(before), stalledJobsRerun: rerun });
    }));
});

/** The nice value of each thread of a process (Linux); a thread that ended meanwhile is left out. */
const threadNiceness = (pid: number) =>
  readdirSync(`/proc/${pid}/task`).flatMap((thread) => {
    try {
      return [getPriority(Number(thread))];
    } catch {
      return [];
    }
  });

const workerName = (pid: number) => expect.stringMatching(new RegExp(`-${pid}$`));

/** Completed jobs of every queue, counted by the worker that ran them. */
async function processedBy(environment: ScenarioEnvironment): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const job of await completedJobs(environment))
    counts[job.processedBy ?? 'unknown'] = (counts[job.processedBy ?? 'unknown'] ?? 0) + 1;
  return counts;
}

async function stalledAndRerun(environment: ScenarioEnvironment): Promise<number> {
  return (await completedJobs(environment)).filter((job) => job.stalledCounter > 0).length;
}

async function completedJobs(environment: ScenarioEnvironment) {
  return withQueues(environment.redis.url, environment.queuePrefix, async (queues) =>
    (await Promise.all(queues.map((queue) => queue.getCompleted(0, -1)))).flat(),
  );
}
