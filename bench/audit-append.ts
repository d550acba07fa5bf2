import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, loadConfig } from '../src/core/config/app.config.js';
import { ConfigModule } from '../src/core/config/config.module.js';
import { DatabaseModule } from '../src/core/database/database.module.js';
import { Clock } from '../src/core/time/clock.js';
import { AuditLog } from '../src/modules/audit/audit-log.js';
import { Metrics } from '../src/modules/metrics/metrics.service.js';
import { AuditTrailService } from '../src/modules/audit/audit-trail.service.js';
import { createBenchDatabase } from './bench-database.js';
import { percentile } from './report.js';

export type AuditDatabase = 'PostgreSQL' | 'SQLite';

export interface AuditAppendSettings {
  postgresUrl: string;
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
}

export interface AuditAppendResult {
  cells: AuditAppendCell[];
  /** The chain of each database after its run, as GET /v1/audit-events/verify would answer. */
  chains: Array<{ database: AuditDatabase; appended: number; verdict: string; valid: boolean }>;
}

/** The audit chain's storage and nothing else: configuration, database, clock, metrics, AuditLog. */
@Module({})
class AuditBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuditBenchModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule],
      providers: [Clock, Metrics, AuditLog, AuditTrailService],
    };
  }
}

/**
 * Appends per second through the service's own AuditLog.record (one transaction, one sealed
 * event: what every audited read costs), with N writers appending as fast as they can, on a
 * fresh PostgreSQL database and a fresh SQLite file. Appends are serialised by design (each
 * links to the previous hash), so the interesting figure is how the rate holds as writers
 * are added; the chain is verified afterwards, so a fast but broken append shows up too.
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
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const context = await NestFactory.createApplicationContext(AuditBenchModule.forRoot(config), { logger: false, abortOnError: false });
  try {
    const auditLog = context.get(AuditLog);
    let appended = await appendFor(auditLog, 8, Number.POSITIVE_INFINITY, settings.warmupAppends).then((run) => run.latencies.length);
    for (const writers of settings.writers) {
      const run = await appendFor(auditLog, writers, settings.durationMs);
      const sorted = run.latencies.sort((a, b) => a - b);
      appended += sorted.length;
      result.cells.push({
        database,
        writers,
        appends: sorted.length,
        elapsedMs: run.elapsedMs,
        appendsPerSecond: (sorted.length / run.elapsedMs) * 1000,
        p50Ms: percentile(sorted, 0.5),
        p99Ms: percentile(sorted, 0.99),
      });
    }
    const verdict = await context.get(AuditTrailService).verify({});
    result.chains.push({ database, appended, verdict: JSON.stringify(verdict), valid: verdict.valid && verdict.events === appended });
  } finally {
    await context.close();
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
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, index) => writer(index)));
  return { latencies, elapsedMs: performance.now() - started };
}

export function printAuditAppends(result: AuditAppendResult): void {
  console.log('Audit appends (AuditLog.record: one transaction, one sealed event), fresh database each\n');
  for (const cell of result.cells) {
    const label = `${cell.database.padEnd(10)} ${String(cell.writers).padStart(3)} writer${cell.writers === 1 ? ' ' : 's'}`;
    console.log(
      `  ${label}  ${cell.appendsPerSecond.toFixed(0).padStart(6)} appends/s   p50 ${cell.p50Ms.toFixed(2)} ms, p99 ${cell.p99Ms.toFixed(2)} ms   (${cell.appends} in ${(cell.elapsedMs / 1000).toFixed(2)} s)`,
    );
  }
  for (const chain of result.chains) {
    console.log(`\n  ${chain.database} chain after ${chain.appended} appends: ${chain.verdict}${chain.valid ? '' : '  FAILED'}`);
  }
  console.log('');
}

export function auditAppendSettings(postgresUrl: string): AuditAppendSettings {
  const writers = (process.env.BENCH_AUDIT_WRITERS ?? '1,8,32').split(',').map(Number);
  const durationMs = Number(process.env.BENCH_AUDIT_MS ?? 2000);
  if (writers.some((value) => !Number.isInteger(value) || value < 1)) throw new Error('BENCH_AUDIT_WRITERS must list positive integers');
  if (!Number.isInteger(durationMs) || durationMs < 100) throw new Error('BENCH_AUDIT_MS must be an integer of at least 100');
  return { postgresUrl, writers, durationMs, warmupAppends: 300 };
}

// `node dist/bench/audit-append.js`: this measurement alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  measureAuditAppends(auditAppendSettings(postgresUrl)).then(
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
