import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { auditAppendSettings, measureAuditAppends, printAuditAppends } from './audit-append.js';
import { measureAuditVerify, printAuditVerify } from './audit-verify.js';
import { createBenchDatabase, type BenchDatabase } from './bench-database.js';
import { machineBusyPercent } from './process-load.js';
import { measureRawCeiling } from './raw-ceiling.js';
import { deleteKeys } from './redis-keys.js';
import { buildReport, printReport, writeReport } from './report.js';
import { measureService } from './service-throughput.js';
import { measureReverificationUnderQuota } from './reverification-under-quota.js';

/**
 * `npm run bench`: the raw BullMQ ceiling; the service end to end as deployed (an API and a
 * worker process), as fast as it goes and then at a fixed arrival rate; a re-verification run
 * under the registries' quotas; audit appends and a verify of a million events.
 */

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

const settings = {
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  postgresUrl: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  rawWarmupFlows: number('BENCH_RAW_WARMUP', 500),
  flows: number('BENCH_FLOWS', 4000),
  warmupApplications: number('BENCH_WARMUP', 200),
  applications: number('BENCH_APPLICATIONS', 2000),
  // The same offered load on both sides, so that the ratio compares like with like.
  clients: number('BENCH_CLIENTS', 32),
  concurrency: number('BENCH_CONCURRENCY', 50),
  openLoopPerSecond: number('BENCH_OPEN_LOOP_RATE', 150),
  openLoopSubmissions: number('BENCH_OPEN_LOOP_SUBMISSIONS', 3000),
  quotaHouseholds: number('BENCH_QUOTA_HOUSEHOLDS', 20_000),
  quotaPerSecond: number('BENCH_QUOTA_RATE', 10),
  quotaLatencyMs: number('BENCH_QUOTA_LATENCY_MS', 50),
  verifyEvents: number('BENCH_VERIFY_EVENTS', 1_000_000),
};
const PHASE_TIMEOUT_MS = 90_000;
// Past this the run is stuck: clean up what can be cleaned and fail, rather than hang a CI job.
// A re-verification of 20,000 households under quotas takes some three minutes, and generating
// and sealing the million events of the verify measurement most of one.
const WATCHDOG_MS = 1_200_000;
const QUOTA_RUN_TIMEOUT_MS = 600_000;
const RESULTS = resolve(process.cwd(), 'bench/results/latest.json');

async function main(): Promise<number> {
  const runId = randomBytes(4).toString('hex');
  const prefixes = [`hedui-bench-raw-${runId}`, `hedui-bench-${runId}`, `hedui-bench-quota-${runId}`];
  let database: BenchDatabase | undefined;
  let quotaDatabase: BenchDatabase | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const used of [database, quotaDatabase]) {
        await used?.drop().catch((error: unknown) => console.error(`Could not drop ${used?.name}: ${message(error)}`));
      }
      for (const prefix of prefixes)
        await deleteKeys(settings.redisUrl, prefix).catch((error: unknown) =>
          console.error(`Could not delete ${prefix}:*: ${message(error)}`),
        );
    })());
  setTimeout(() => {
    console.error(`Benchmark still running after ${WATCHDOG_MS / 1000} s: giving up`);
    void Promise.race([cleanup(), new Promise((done) => setTimeout(done, 10_000))]).then(() => process.exit(1));
  }, WATCHDOG_MS).unref();

  try {
    const busyBeforePercent = await machineBusyPercent();
    console.error(`raw ceiling: ${settings.rawWarmupFlows} warm-up + ${settings.flows} flows…`);
    const raw = await measureRawCeiling({
      redisUrl: settings.redisUrl,
      prefix: prefixes[0],
      warmupFlows: settings.rawWarmupFlows,
      flows: settings.flows,
      producers: settings.clients,
      concurrency: settings.concurrency,
      timeoutMs: PHASE_TIMEOUT_MS,
    });
    await deleteKeys(settings.redisUrl, prefixes[0]);

    database = await createBenchDatabase(settings.postgresUrl);
    console.error(`service: ${settings.warmupApplications} warm-up + ${settings.applications} applications on ${database.name}…`);
    const service = await measureService({
      databaseUrl: database.url,
      redisUrl: settings.redisUrl,
      prefix: prefixes[1],
      warmupApplications: settings.warmupApplications,
      applications: settings.applications,
      clients: settings.clients,
      concurrency: settings.concurrency,
      openLoopPerSecond: settings.openLoopPerSecond,
      openLoopSubmissions: settings.openLoopSubmissions,
      requestTimeoutMs: 10_000,
      timeoutMs: PHASE_TIMEOUT_MS,
    });
    await deleteKeys(settings.redisUrl, prefixes[1]);

    quotaDatabase = await createBenchDatabase(settings.postgresUrl);
    console.error(
      `re-verification under quotas: ${settings.quotaHouseholds} households, ${settings.quotaPerSecond} calls/s and ${settings.quotaLatencyMs} ms a call per registry…`,
    );
    const quotaRun = await measureReverificationUnderQuota({
      databaseUrl: quotaDatabase.url,
      redisUrl: settings.redisUrl,
      prefix: prefixes[2],
      households: settings.quotaHouseholds,
      quotaPerSecond: settings.quotaPerSecond,
      latencyMs: settings.quotaLatencyMs,
      timeoutMs: QUOTA_RUN_TIMEOUT_MS,
    });

    // Hosts only: a URL may carry a password, and the figures are meant to be shared.
    const { postgresUrl, redisUrl, ...shown } = settings;
    const hosts = { postgres: new URL(postgresUrl).host, redis: new URL(redisUrl).host };
    const report = buildReport({ ...shown, ...hosts }, busyBeforePercent, raw, service, quotaRun);
    printReport(report);
    writeReport(report, RESULTS);
    console.error(`figures written to ${RESULTS}`);

    console.error('audit appends: PostgreSQL and SQLite, fresh databases…');
    const audit = await measureAuditAppends(auditAppendSettings(settings.postgresUrl, settings.redisUrl));
    printAuditAppends(audit);
    const auditChainBroken = audit.chains.some((chain) => !chain.valid);

    console.error(`audit verify: ${settings.verifyEvents} events on PostgreSQL, generated and sealed first…`);
    const verify = await measureAuditVerify(settings.postgresUrl, settings.redisUrl, settings.verifyEvents);
    printAuditVerify(verify);
    return report.failures.length > 0 || auditChainBroken || !verify.valid ? 1 : 0;
  } finally {
    await cleanup();
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
