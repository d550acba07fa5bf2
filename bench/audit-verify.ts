import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DataSource } from 'typeorm';
import { AuditSealer } from '../src/modules/audit/sealing/audit-sealer.js';
import { AuditVerificationService, type VerifyAnswer } from '../src/modules/audit/verify/audit-verification.service.js';
import { startAuditContext } from './audit-context.js';
import { createBenchDatabase } from './bench-database.js';
import { deleteKeys } from './redis-keys.js';

export interface AuditVerifyResult {
  events: number;
  generateMs: number;
  sealMs: number;
  verifyMs: number;
  /** The longest the event loop was held during the whole walk. */
  maxLoopStallMs: number;
  /** An incremental verify right after: the remembered point spares the walk. */
  incrementalMs: number;
  verdict: VerifyAnswer;
  incremental: VerifyAnswer;
  valid: boolean;
}

/**
 * A log of `events` events on a fresh PostgreSQL database, then a whole walk of it (what
 * GET /v1/audit-events/verify?full=true does) while the event loop's delay is monitored. The
 * events are inserted unsealed with one INSERT … SELECT and sealed by the service's own sealer
 * in batches of 20,000, so that the chain is exactly what the service would have built.
 */
export async function measureAuditVerify(postgresUrl: string, redisUrl: string, events: number): Promise<AuditVerifyResult> {
  const database = await createBenchDatabase(postgresUrl);
  const prefix = `hedui-bench-verify-${randomBytes(4).toString('hex')}`;
  try {
    const context = await startAuditContext({
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      AUDIT_SEAL_BATCH: '20000',
      // The timer stays out of the way: the bench seals in one go, then walks.
      AUDIT_SEAL_INTERVAL_MS: '10000',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
    });
    try {
      let started = performance.now();
      await context.get(DataSource).query(
        `INSERT INTO audit_events (at, actor, role, action, application_id, correlation_id, outcome)
         SELECT to_char(timestamp '2026-11-28 00:00:00' + n * interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'bench-reader-' || (n % 97), 'reviewer', 'APPLICATION_READ', md5(n::text)::uuid::text, md5((n + 1)::text)::uuid::text, 'SUCCEEDED'
         FROM generate_series(1, $1) AS n`,
        [events],
      );
      const generateMs = performance.now() - started;
      started = performance.now();
      await context.get(AuditSealer).sealPending(600_000);
      const sealMs = performance.now() - started;

      const verification = context.get(AuditVerificationService);
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      started = performance.now();
      const verdict = await verification.verify({ full: true });
      const verifyMs = performance.now() - started;
      delay.disable();
      started = performance.now();
      const incremental = await verification.verify({});
      const incrementalMs = performance.now() - started;
      return {
        events,
        generateMs,
        sealMs,
        verifyMs,
        maxLoopStallMs: delay.max / 1e6,
        incrementalMs,
        verdict,
        incremental,
        valid: verdict.valid && verdict.events === events && incremental.valid && incremental.checked === 0,
      };
    } finally {
      await context.close();
    }
  } finally {
    await database.drop();
    await deleteKeys(redisUrl, prefix);
  }
}

export function printAuditVerify(result: AuditVerifyResult): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rate = (ms: number) => `${Math.round(result.events / (ms / 1000)).toLocaleString('en')} events/s`;
  console.log(`Audit verify, PostgreSQL, ${result.events.toLocaleString('en')} events (fresh database)\n`);
  console.log(`  generated (INSERT … SELECT, unsealed)  ${seconds(result.generateMs)}`);
  console.log(`  sealed by the sealer                  ${seconds(result.sealMs)}   ${rate(result.sealMs)}`);
  console.log(
    `  whole walk (full=true)                ${seconds(result.verifyMs)}   ${rate(result.verifyMs)}   longest event-loop stall ${result.maxLoopStallMs.toFixed(1)} ms`,
  );
  console.log(
    `  incremental verify right after        ${result.incrementalMs.toFixed(0)} ms (checked ${result.incremental.valid ? result.incremental.checked : 'n/a'})`,
  );
  console.log(`  verdict: ${JSON.stringify(result.verdict)}${result.valid ? '' : '  FAILED'}\n`);
}

// `node dist/bench/audit-verify.js`: this measurement alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const events = Number(process.env.BENCH_VERIFY_EVENTS ?? 1_000_000);
  measureAuditVerify(postgresUrl, process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', events).then(
    (result) => {
      printAuditVerify(result);
      process.exit(result.valid ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
