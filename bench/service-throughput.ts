import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/core/config/app.config.js';
import { QueueName } from '../src/core/queue/queue.types.js';
import { TokenService } from '../src/modules/auth/token.service.js';
import { SANDBOX_CASES, type SandboxCase } from '../src/modules/registries/sandbox/sandbox-cases.js';
import { submitApplications, type Submission } from './http-load.js';
import { startLoadMeter, type ProcessLoad } from './process-load.js';
import { redisCommandsProcessed } from './redis-keys.js';
import { percentile } from './report.js';

export interface ServiceSettings {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  warmupApplications: number;
  applications: number;
  clients: number;
  concurrency: number;
  requestTimeoutMs: number;
  /** The longest the measured phase may take, submits and determinations together. */
  timeoutMs: number;
  sqlStatements: () => number;
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
}

/**
 * The service as it runs by default (API and workers in one process) on a fresh PostgreSQL
 * database with the in-process sandbox registries, so that only the service's own work is
 * measured: HTTP intake, its transaction, the flow, three checks and the determination.
 */
export async function measureService(settings: ServiceSettings): Promise<ServiceResult> {
  if (SANDBOX_CASES.length === 0) throw new Error('SANDBOX_CASES is empty: nothing to submit');
  configureEnvironment(settings);
  const config = loadConfig(process.env);
  const token = new TokenService(config).sign({ sub: 'bench', roles: ['intake'] });
  const app = await createApp(config);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as { port: number };
    const http = { baseUrl: `http://127.0.0.1:${port}`, token, clients: settings.clients, timeoutMs: settings.requestTimeoutMs };
    const determinations = new DeterminationCounter(app.get(DataSource));

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

    const sqlBefore = settings.sqlStatements();
    const pollsBefore = determinations.polls;
    const commandsBefore = await redisCommandsProcessed(settings.redisUrl);
    const meter = startLoadMeter();
    const started = Date.now();
    const deadline = performance.now() + settings.timeoutMs;
    const submissions = await submitApplications({ ...load, count: settings.applications });
    const lastSubmitAt = Date.now();
    const accepted = submissions.filter((submission) => submission.status === 202);
    const drained = await determinations.reach(warmupAccepted + accepted.length, deadline);
    const lastDeterminedAt = drained ? await determinations.lastDeterminedAt() : Date.now();
    const processLoad = meter();
    const sqlStatements = settings.sqlStatements() - sqlBefore - (determinations.polls - pollsBefore);
    const redisCommands = (await redisCommandsProcessed(settings.redisUrl)) - commandsBefore;

    const determined = determinations.last - warmupAccepted;
    const elapsedMs = Math.max(lastDeterminedAt - started, 1);
    const latencies = submissions.map((submission) => submission.latencyMs).sort((a, b) => a - b);
    const integrity = await checkIntegrity(app, [
      ...expecting(probe, SANDBOX_CASES),
      ...expecting(warmup, usable),
      ...expecting(submissions, usable),
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
      timedOut: !drained,
      ...integrity,
      sqlStatementsPerApplication: sqlStatements / Math.max(determined, 1),
      redisCommandsPerApplication: redisCommands / Math.max(determined, 1),
      ...processLoad,
    };
  } finally {
    await app.close();
  }
}

function configureEnvironment(settings: ServiceSettings): void {
  // Unset registry URLs select the sandbox adapters; no SQLite path may shadow PostgreSQL.
  for (const key of ['SQLITE_PATH', 'HOUSEHOLD_REGISTRY_URL', 'VEHICLE_REGISTRY_URL', 'BUSINESS_REGISTRY_URL']) delete process.env[key];
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    QUEUE_PREFIX: settings.prefix,
    WORKER_CONCURRENCY: String(settings.concurrency),
    // Thousands of submissions with one token: the API's rate limit would refuse most of them.
    API_RATE_LIMIT: '0',
    // A key of the run's own, rather than one generated into ./data.
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  });
}

const STALL_MS = 15_000;

/** Watches the `determinations` table; its polls are counted so that they can be left out of the SQL figures. */
class DeterminationCounter {
  polls = 0;
  last = 0;

  constructor(private readonly dataSource: DataSource) {}

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
    this.polls += 1;
    const [row] = await this.dataSource.query('SELECT MAX(determined_at) AS last FROM determinations');
    return Date.parse(row.last);
  }

  private async count(): Promise<number> {
    this.polls += 1;
    const [row] = await this.dataSource.query('SELECT COUNT(*)::int AS n FROM determinations');
    return row.n;
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

async function checkIntegrity(app: NestFastifyApplication, accepted: Accepted[]) {
  const dataSource = app.get(DataSource);
  const stored = new Set((await dataSource.query('SELECT id FROM applications')).map((row: { id: string }) => row.id));
  const [notOne] = await dataSource.query(
    `SELECT COUNT(*)::int AS n FROM applications a
      WHERE (SELECT COUNT(*) FROM determinations d WHERE d.application_id = a.id) <> 1`,
  );
  const [failedChecks] = await dataSource.query(`SELECT COUNT(*)::int AS n FROM source_checks WHERE status <> 'SUCCEEDED'`);
  const outcomes = new Map<string, string>(
    (await dataSource.query('SELECT application_id, outcome FROM determinations')).map(
      (row: { application_id: string; outcome: string }) => [row.application_id, row.outcome],
    ),
  );
  const outcomeMismatches = accepted.filter(({ id, expected }) => outcomes.has(id) && outcomes.get(id) !== expected).length;
  let failedJobs = 0;
  for (const name of Object.values(QueueName)) {
    failedJobs += (await app.get<Queue>(getQueueToken(name)).getJobCounts('failed')).failed ?? 0;
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
