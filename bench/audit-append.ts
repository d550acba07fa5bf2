import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { AuditLog } from '../src/modules/audit/audit-log.js';
import { AuditSealer } from '../src/modules/audit/sealing/audit-sealer.js';
import { AuditVerificationService } from '../src/modules/audit/verify/audit-verification.service.js';
import { startAuditContext } from './audit-context.js';
import { createBenchDatabase } from './bench-database.js';
import { deleteKeys } from './redis-keys.js';
import { percentile } from './report.js';

export type AuditDatabase = 'PostgreSQL' | 'SQLite';

export interface AuditAppendSettings {
  postgresUrl: string;
  redisUrl: string;
  /** Concurrent writers per measurement, one measurement each. */
  writers: number[];
  /** How long each measurement appends. */
  durationMs: number;
  warmupAppends: number;
}

export interface AuditAppendCell {
  database: AuditDatabase;
  writers: number;
  appends: number;
  elapsedMs: number;
  appendsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** From an event's time to its seal, over the events appended in this measurement. */
  sealLagP50Ms: number;
  sealLagP99Ms: number;
}

export interface AuditAppendResult {
  cells: AuditAppendCell[];
  /** The chain of each database after its run, as GET /v1/audit-events/verify?full=true answers. */
  chains: Array<{ database: AuditDatabase; appended: number; verdict: string; valid: boolean }>;
}

/**
 * Appends per second through the service's own AuditLog.record (what every audited read
 * costs: the event stored, unsealed, before the caller goes on), with N writers appending as
 * fast as they can, on a fresh PostgreSQL database and a fresh SQLite file, while the sealer
 * runs as in the service. The lag from each event to its seal is measured as the sealer
 * reports its batches. The chain is verified afterwards, so a fast but broken log shows up too.
 */
export async function measureAuditAppends(settings: AuditAppendSettings): Promise<AuditAppendResult> {
  const result: AuditAppendResult = { cells: [], chains: [] };
  const postgres = await createBenchDatabase(settings.postgresUrl);
  try {
    await measureOn('PostgreSQL', { DATABASE_URL: postgres.url }, settings, result);
  } finally {
    await postgres.drop();
  }
  const dir = mkdtempSync(join(tmpdir(), 'hedui-bench-audit-'));
  try {
    await measureOn('SQLite', { SQLITE_PATH: join(dir, 'audit.sqlite') }, settings, result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

async function measureOn(
  database: AuditDatabase,
  env: Record<string, string>,
  settings: AuditAppendSettings,
  result: AuditAppendResult,
): Promise<void> {
  const prefix = `hedui-bench-audit-${randomBytes(4).toString('hex')}`;
  const context = await startAuditContext({ ...env, REDIS_URL: settings.redisUrl, QUEUE_PREFIX: prefix });
  try {
    const auditLog = context.get(AuditLog);
    const sealer = context.get(AuditSealer);
    let lags: number[] = [];
    sealer.onSealed((ats, sealedAt) => {
      for (const at of ats) lags.push(sealedAt - Date.parse(at));
    });
    let appended = await appendFor(auditLog, 8, Number.POSITIVE_INFINITY, settings.warmupAppends).then((run) => run.latencies.length);
    for (const writers of settings.writers) {
      await sealer.sealPending();
      lags = [];
      const run = await appendFor(auditLog, writers, settings.durationMs);
      await sealer.sealPending();
      const sorted = run.latencies.sort((a, b) => a - b);
      const sortedLags = lags.sort((a, b) => a - b);
      appended += sorted.length;
      result.cells.push({
        database,
        writers,
        appends: sorted.length,
        elapsedMs: run.elapsedMs,
        appendsPerSecond: (sorted.length / run.elapsedMs) * 1000,
        p50Ms: percentile(sorted, 0.5),
        p99Ms: percentile(sorted, 0.99),
        sealLagP50Ms: percentile(sortedLags, 0.5),
        sealLagP99Ms: percentile(sortedLags, 0.99),
      });
    }
    await sealer.sealPending();
    const verdict = await context.get(AuditVerificationService).verify({ full: true });
    result.chains.push({ database, appended, verdict: JSON.stringify(verdict), valid: verdict.valid && verdict.events === appended });
  } finally {
    await context.close();
    await deleteKeys(settings.redisUrl, prefix);
  }
}

/** N writers append back to back until the time is up (or, for the warm-up, until `total` appends). */
async function appendFor(
  auditLog: AuditLog,
  writers: number,
  durationMs: number,
  total = Number.POSITIVE_INFINITY,
): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  let issued = 0;
  const writer = async (index: number) => {
    while (performance.now() < deadline && issued < total) {
      issued += 1;
      const before = performance.now();
      await auditLog.record({
        actor: { sub: `bench-writer-${index}`, role: 'auditor' },
        action: 'APPLICATION_READ',
        applicationId: randomUUID(),
        correlationId: `bench-${index}-${issued}`,
        outcome: 'SUCCEEDED',
      });
      latencies.push(performance.now() - before);
      // Each append stands for a request: the next one arrives through the event loop, as over HTTP.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, index) => writer(index)));
  return { latencies, elapsedMs: performance.now() - started };
}

export function printAuditAppends(result: AuditAppendResult): void {
  console.log('Audit appends (AuditLog.record: the event stored unsealed; the sealer chains it), fresh database each\n');
  for (const cell of result.cells) {
    const label = `${cell.database.padEnd(10)} ${String(cell.writers).padStart(3)} writer${cell.writers === 1 ? ' ' : 's'}`;
    console.log(
      `  ${label}  ${cell.appendsPerSecond.toFixed(0).padStart(6)} appends/s   p50 ${cell.p50Ms.toFixed(2)} ms, p99 ${cell.p99Ms.toFixed(2)} ms` +
        `   sealed after p50 ${cell.sealLagP50Ms.toFixed(0)} ms, p99 ${cell.sealLagP99Ms.toFixed(0)} ms   (${cell.appends} in ${(cell.elapsedMs / 1000).toFixed(2)} s)`,
    );
  }
  for (const chain of result.chains) {
    console.log(`\n  ${chain.database} chain after ${chain.appended} appends: ${chain.verdict}${chain.valid ? '' : '  FAILED'}`);
  }
  console.log('');
}

export function auditAppendSettings(postgresUrl: string, redisUrl: string): AuditAppendSettings {
  const writers = (process.env.BENCH_AUDIT_WRITERS ?? '1,8,32').split(',').map(Number);
  const durationMs = Number(process.env.BENCH_AUDIT_MS ?? 3000);
  if (writers.some((value) => !Number.isInteger(value) || value < 1)) throw new Error('BENCH_AUDIT_WRITERS must list positive integers');
  if (!Number.isInteger(durationMs) || durationMs < 100) throw new Error('BENCH_AUDIT_MS must be an integer of at least 100');
  return { postgresUrl, redisUrl, writers, durationMs, warmupAppends: 300 };
}

// `node dist/bench/audit-append.js`: this measurement alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  measureAuditAppends(auditAppendSettings(postgresUrl, process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')).then(
    (result) => {
      printAuditAppends(result);
      process.exit(result.chains.every((chain) => chain.valid) ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
