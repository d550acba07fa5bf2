import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import pg from 'pg';
import { loadConfig } from '../src/core/config/app.config.js';
import { QueueName } from '../src/core/queue/queue.types.js';
import { redisConnection } from '../src/core/queue/redis-connection.js';
import { TokenService } from '../src/modules/auth/token.service.js';
import { SANDBOX_CASES, type SandboxCase } from '../src/modules/registries/sandbox/sandbox-cases.js';
import { submitApplications, submitAtRate, type Submission } from './http-load.js';
import { startLoadMeter, type ProcessLoad } from './process-load.js';
import { redisCommandsProcessed, redisMemoryUsed } from './redis-keys.js';
import { percentile } from './report.js';
import { startServiceProcesses } from './service-processes.js';

export interface ServiceSettings {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  warmupApplications: number;
  applications: number;
  clients: number;
  concurrency: number;
  /** Submissions a second of the open-loop phase, and how many. */
  openLoopPerSecond: number;
  openLoopSubmissions: number;
  requestTimeoutMs: number;
  /** The longest the measured phase may take, submits and determinations together. */
  timeoutMs: number;
}

export interface ServiceResult extends ProcessLoad {
  applications: number;
  accepted: number;
  /** Submits that did not get a 202, by status (0: no answer). */
  rejected: Record<string, number>;
  firstErrors: string[];
  /** Sandbox cases the API refused (400/422) in the probe, left out of the load. */
  refusedCases: string[];
  determined: number;
  elapsedMs: number;
  determinationsPerSecond: number;
  submitsPerSecond: number;
  submitP50Ms: number;
  submitP99Ms: number;
  submitMaxMs: number;
  /** From the last 202 to the last determination: the backlog the workers had left. */
  drainAfterLastSubmitMs: number;
  timedOut: boolean;
  acceptedButNotStored: number;
  applicationsWithoutExactlyOneDetermination: number;
  failedJobs: number;
  failedChecks: number;
  outcomeMismatches: number;
  sqlStatementsPerApplication: number;
  redisCommandsPerApplication: number;
  /** Redis's used memory before the measured phase and after it, once drained. */
  redisMemoryBeforeBytes: number;
  redisMemoryAfterBytes: number;
  openLoop: {
    perSecond: number;
    submissions: number;
    accepted: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    drainedAfterMs: number;
  };
}

/**
 * The service as deployed, one API process and one worker process (`node dist/src/main.js`
 * with SERVICE_MODE api and worker), on a fresh PostgreSQL database with the in-process
 * sandbox registries, so that only the service's own work is measured: HTTP intake, its
 * transaction, the flow, three checks and the determination. First as fast as 32 clients
 * one request at a time can go (throughput), then at a fixed arrival rate while the workers
 * drain (submit latency). SQL statements are counted in the processes themselves.
 */
export async function measureService(settings: ServiceSettings): Promise<ServiceResult> {
  if (SANDBOX_CASES.length === 0) throw new Error('SANDBOX_CASES is empty: nothing to submit');
  const token = new TokenService(loadConfig({ NODE_ENV: 'test' })).sign({ sub: 'bench', roles: ['intake'] });
  const processes = await startServiceProcesses(serviceEnv(settings), 1);
  const database = new pg.Client({ connectionString: settings.databaseUrl });
  await database.connect();
  try {
    const http = { baseUrl: processes.api.url, token, clients: settings.clients, timeoutMs: settings.requestTimeoutMs };
    const determinations = new DeterminationCounter(database);

    // Every case once: one the API refuses is a defect of the case, reported, not a load to measure.
    const probe = await submitApplications({ ...http, bodies: bodiesOf(SANDBOX_CASES), count: SANDBOX_CASES.length });
    const usable = SANDBOX_CASES.filter((_, index) => probe[index].status === 202);
    const refusedCases = SANDBOX_CASES.flatMap((sandboxCase, index) =>
      probe[index].status === 202 ? [] : [`${sandboxCase.key} (${probe[index].status}: ${firstProblem(probe[index].error)})`],
    );
    if (usable.length === 0) throw new Error(`The API refused every sandbox case; first: ${refusedCases[0]}`);
    const load = { ...http, bodies: bodiesOf(usable) };

    // The warm-up runs the whole pipeline over (JIT, pools, prepared paths) and is drained before measuring.
    const warmup = await submitApplications({ ...load, count: settings.warmupApplications });
    const warmupAccepted = usable.length + warmup.filter((submission) => submission.status === 202).length;
    if (warmupAccepted !== usable.length + settings.warmupApplications) throw new Error(`Warm-up: ${describeFailures(warmup)}`);
    if (!(await determinations.reach(warmupAccepted, performance.now() + settings.timeoutMs))) {
      throw new Error(`Warm-up: ${determinations.last} of ${warmupAccepted} determinations within ${settings.timeoutMs} ms`);
    }

    const sqlBefore = await processes.sqlStatements();
    const commandsBefore = await redisCommandsProcessed(settings.redisUrl);
    const memoryBefore = await redisMemoryUsed(settings.redisUrl);
    const meter = startLoadMeter();
    const started = Date.now();
    const deadline = performance.now() + settings.timeoutMs;
    const submissions = await submitApplications({ ...load, count: settings.applications });
    const lastSubmitAt = Date.now();
    const accepted = submissions.filter((submission) => submission.status === 202);
    const drained = await determinations.reach(warmupAccepted + accepted.length, deadline);
    const lastDeterminedAt = drained ? await determinations.lastDeterminedAt() : Date.now();
    const processLoad = meter();
    const sqlStatements = (await processes.sqlStatements()) - sqlBefore;
    const redisCommands = (await redisCommandsProcessed(settings.redisUrl)) - commandsBefore;
    const memoryAfter = await redisMemoryUsed(settings.redisUrl);
    const determined = determinations.last - warmupAccepted;

    // Open loop: a fixed arrival rate, the workers draining as it comes.
    const openStarted = Date.now();
    const open = await submitAtRate({ ...load, count: settings.openLoopSubmissions, perSecond: settings.openLoopPerSecond });
    const openAccepted = open.filter((submission) => submission.status === 202);
    const openDrained = await determinations.reach(
      warmupAccepted + accepted.length + openAccepted.length,
      performance.now() + settings.timeoutMs,
    );
    const openLatencies = open.map((submission) => submission.latencyMs).sort((a, b) => a - b);

    const elapsedMs = Math.max(lastDeterminedAt - started, 1);
    const latencies = submissions.map((submission) => submission.latencyMs).sort((a, b) => a - b);
    const integrity = await checkIntegrity(database, settings, [
      ...expecting(probe, SANDBOX_CASES),
      ...expecting(warmup, usable),
      ...expecting(submissions, usable),
      ...expecting(open, usable),
    ]);
    return {
      applications: settings.applications,
      accepted: accepted.length,
      rejected: countRejected(submissions),
      refusedCases,
      firstErrors: submissions
        .filter((submission) => submission.error)
        .slice(0, 3)
        .map((submission) => `${submission.status}: ${submission.error}`),
      determined,
      elapsedMs,
      determinationsPerSecond: (determined / elapsedMs) * 1000,
      submitsPerSecond: (accepted.length / Math.max(lastSubmitAt - started, 1)) * 1000,
      submitP50Ms: percentile(latencies, 0.5),
      submitP99Ms: percentile(latencies, 0.99),
      submitMaxMs: latencies[latencies.length - 1] ?? Number.NaN,
      drainAfterLastSubmitMs: Math.max(lastDeterminedAt - lastSubmitAt, 0),
      timedOut: !drained || !openDrained,
      ...integrity,
      sqlStatementsPerApplication: sqlStatements / Math.max(determined, 1),
      redisCommandsPerApplication: redisCommands / Math.max(determined, 1),
      redisMemoryBeforeBytes: memoryBefore,
      redisMemoryAfterBytes: memoryAfter,
      openLoop: {
        perSecond: settings.openLoopPerSecond,
        submissions: open.length,
        accepted: openAccepted.length,
        p50Ms: percentile(openLatencies, 0.5),
        p99Ms: percentile(openLatencies, 0.99),
        maxMs: openLatencies.at(-1) ?? Number.NaN,
        drainedAfterMs: Date.now() - openStarted,
      },
      ...processLoad,
    };
  } finally {
    await database.end();
    await processes.stop();
  }
}

function serviceEnv(settings: ServiceSettings): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    QUEUE_PREFIX: settings.prefix,
    WORKER_CONCURRENCY: String(settings.concurrency),
    // Thousands of submissions with one token: the API's rate limit would refuse most of them.
    API_RATE_LIMIT: '0',
    REVERIFICATION_SCHEDULE: '',
    // One key for both processes (one log), rather than one generated into ./data.
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

const STALL_MS = 15_000;

/** Watches the `determinations` table, from the bench's own connection (not counted in the service's statements). */
class DeterminationCounter {
  last = 0;

  constructor(private readonly database: pg.Client) {}

  /**
   * Polls until `target` determinations exist. Gives up at the deadline, or sooner once the
   * count has stood still for STALL_MS: a stuck pipeline, not a slow one.
   */
  async reach(target: number, deadline: number): Promise<boolean> {
    let progressAt = performance.now();
    for (;;) {
      const count = await this.count();
      if (count > this.last) progressAt = performance.now();
      this.last = count;
      if (count >= target) return true;
      if (performance.now() > deadline || performance.now() - progressAt > STALL_MS) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** When the last determination was made, by the service's own clock: the poll's 25 ms step does not blur the end. */
  async lastDeterminedAt(): Promise<number> {
    const { rows } = await this.database.query('SELECT MAX(determined_at) AS last FROM determinations');
    return Date.parse(rows[0].last);
  }

  private async count(): Promise<number> {
    const { rows } = await this.database.query('SELECT COUNT(*)::int AS n FROM determinations');
    return rows[0].n;
  }
}

const bodiesOf = (cases: readonly SandboxCase[]) => cases.map((sandboxCase) => JSON.stringify(sandboxCase.application));

interface Accepted {
  id: string;
  expected: string;
}

/** The accepted submissions, each with the outcome its case was worked out to have. */
function expecting(submissions: Submission[], cases: readonly SandboxCase[]): Accepted[] {
  return submissions.flatMap((submission) =>
    submission.id ? [{ id: submission.id, expected: cases[submission.index % cases.length].expected.outcome }] : [],
  );
}

async function checkIntegrity(database: pg.Client, settings: ServiceSettings, accepted: Accepted[]) {
  const query = async <T>(sql: string) => (await database.query(sql)).rows as T[];
  const stored = new Set((await query<{ id: string }>('SELECT id FROM applications')).map((row) => row.id));
  const [notOne] = await query<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM applications a
      WHERE (SELECT COUNT(*) FROM determinations d WHERE d.application_id = a.id) <> 1`,
  );
  const [failedChecks] = await query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM source_checks WHERE status <> 'SUCCEEDED'`);
  const outcomes = new Map(
    (await query<{ application_id: string; outcome: string }>('SELECT application_id, outcome FROM determinations')).map((row) => [
      row.application_id,
      row.outcome,
    ]),
  );
  const outcomeMismatches = accepted.filter(({ id, expected }) => outcomes.has(id) && outcomes.get(id) !== expected).length;
  let failedJobs = 0;
  for (const name of Object.values(QueueName)) {
    const queue = new Queue(name, { connection: redisConnection(settings.redisUrl), prefix: settings.prefix });
    failedJobs += (await queue.getJobCounts('failed')).failed ?? 0;
    await queue.close();
  }
  return {
    acceptedButNotStored: accepted.filter(({ id }) => !stored.has(id)).length,
    applicationsWithoutExactlyOneDetermination: notOne.n as number,
    failedJobs,
    failedChecks: failedChecks.n as number,
    outcomeMismatches,
  };
}

/** The first problem of a problem+json answer, short enough for one line. */
function firstProblem(text = ''): string {
  try {
    const problem = JSON.parse(text) as { detail?: string; errors?: Array<{ path: string; message: string }> };
    return problem.errors?.[0]?.message ?? problem.detail ?? text.slice(0, 120);
  } catch {
    return text.slice(0, 120);
  }
}

function countRejected(submissions: Submission[]): Record<string, number> {
  const rejected: Record<string, number> = {};
  for (const submission of submissions) {
    if (submission.status !== 202) rejected[submission.status] = (rejected[submission.status] ?? 0) + 1;
  }
  return rejected;
}

function describeFailures(submissions: Submission[]): string {
  const first = submissions.find((submission) => submission.status !== 202);
  return `submits not accepted: ${JSON.stringify(countRejected(submissions))}; first: ${first?.status} ${first?.error ?? ''}`;
}
