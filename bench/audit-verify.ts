import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DataSource } from 'typeorm';
import { GENESIS_HASH } from '../src/modules/audit/audit-chain.js';
import { AuditSealer } from '../src/modules/audit/sealing/audit-sealer.js';
import { AuditVerificationService, type VerifyAnswer } from '../src/modules/audit/verify/audit-verification.service.js';
import { startAuditContext } from './audit-context.js';
import { createBenchDatabase } from './bench-database.js';
import { deleteKeys } from './redis-keys.js';

export interface AuditVerifyResult {
  events: number;
  /** Events chained by a recursive query and inserted sealed, in bulk. */
  bulkEvents: number;
  bulkMs: number;
  /** Events inserted unsealed with one INSERT … SELECT, then sealed by the service's sealer after the bulk. */
  sealerEvents: number;
  sealerMs: number;
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
 * GET /v1/audit-events/verify?full=true does) while the event loop's delay is monitored. Nine
 * tenths are chained and inserted sealed in bulk (the trigger that refuses sealed inserts set
 * aside for the load, as the owner may); the last tenth is inserted unsealed and sealed by the
 * service's sealer, which continues the chain, measures its rate and signs the checkpoint the
 * verify holds the log to.
 */
export async function measureAuditVerify(postgresUrl: string, redisUrl: string, events: number): Promise<AuditVerifyResult> {
  const database = await createBenchDatabase(postgresUrl);
  const prefix = `hedui-bench-verify-${randomBytes(4).toString('hex')}`;
  const sealerEvents = Math.max(1, Math.round(events / 10));
  const bulkEvents = events - sealerEvents;
  try {
    const context = await startAuditContext({
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      AUDIT_SEAL_BATCH: '20000',
      // The timer stays out of the way: the bench seals when it chooses, then walks.
      AUDIT_SEAL_INTERVAL_MS: '60000',
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
    });
    try {
      const dataSource = context.get(DataSource);
      let started = performance.now();
      await insertSealed(dataSource, bulkEvents);
      const bulkMs = performance.now() - started;

      started = performance.now();
      await dataSource.query(
        `INSERT INTO audit_events (at, actor, role, action, application_id, correlation_id, outcome)
         SELECT to_char(timestamp '2026-11-29 00:00:00' + n * interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'bench-reader-' || (n % 97), 'reviewer', 'APPLICATION_READ', md5(n::text)::uuid::text, md5((n + 1)::text)::uuid::text, 'SUCCEEDED'
         FROM generate_series(1, $1) AS n`,
        [sealerEvents],
      );
      await context.get(AuditSealer).sealPending(600_000);
      const sealerMs = performance.now() - started;

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
        bulkEvents,
        bulkMs,
        sealerEvents,
        sealerMs,
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

/** The content of the bench's event `n`, as SQL over an integer expression: the same in the hash and in the row. */
const content = (n: string) => ({
  at: `to_char(timestamp '2026-11-28 00:00:00' + (${n}) * interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  actor: `'bench-reader-' || ((${n}) % 97)`,
  applicationId: `md5((${n})::text)::uuid::text`,
  correlationId: `md5((${n} + 1)::text)::uuid::text`,
});

/**
 * `count` events chained from the genesis and inserted sealed, in one statement: PostgreSQL
 * computes each seal as sealHash does (SHA-256 of the canonical JSON, written out for these
 * plain ASCII values) in a recursive query. Nothing here is taken on trust: the verify that
 * follows recomputes every hash with the service's own code.
 */
async function insertSealed(dataSource: DataSource, count: number): Promise<void> {
  const next = content('c.n + 1');
  const row = content('n');
  await dataSource.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_insert_unsealed');
  try {
    await dataSource.query(
      `INSERT INTO audit_events (sequence, at, actor, role, action, application_id, correlation_id, outcome, previous_hash, hash)
       WITH RECURSIVE chain(n, prev, hash) AS (
         SELECT 0, NULL::text, '${GENESIS_HASH}'::text
         UNION ALL
         SELECT c.n + 1, c.hash, encode(sha256(convert_to(
           '{"action":"APPLICATION_READ","actor":"' || ${next.actor} || '","applicationId":"' || ${next.applicationId} ||
           '","at":"' || ${next.at} || '","correlationId":"' || ${next.correlationId} ||
           '","outcome":"SUCCEEDED","previousHash":"' || c.hash || '","role":"reviewer","sequence":' || (c.n + 1) || '}', 'UTF8')), 'hex')
         FROM chain c WHERE c.n < $1
       )
       SELECT n, ${row.at}, ${row.actor}, 'reviewer', 'APPLICATION_READ', ${row.applicationId}, ${row.correlationId}, 'SUCCEEDED', prev, hash
       FROM chain WHERE n > 0`,
      [count],
    );
  } finally {
    await dataSource.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_insert_unsealed');
  }
}

export function printAuditVerify(result: AuditVerifyResult): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rate = (events: number, ms: number) => `${Math.round(events / (ms / 1000)).toLocaleString('en')} events/s`;
  const count = (events: number) => events.toLocaleString('en');
  console.log(`Audit verify, PostgreSQL, ${count(result.events)} events (fresh database)\n`);
  console.log(`  ${count(result.bulkEvents)} chained and inserted sealed, in bulk   ${seconds(result.bulkMs)}`);
  console.log(
    `  ${count(result.sealerEvents)} more, inserted unsealed and sealed by the sealer   ${seconds(result.sealerMs)}   ${rate(result.sealerEvents, result.sealerMs)}`,
  );
  console.log(
    `  whole walk (full=true)   ${seconds(result.verifyMs)}   ${rate(result.events, result.verifyMs)}   longest event-loop stall ${result.maxLoopStallMs.toFixed(1)} ms`,
  );
  console.log(
    `  incremental verify right after   ${result.incrementalMs.toFixed(0)} ms (checked ${result.incremental.valid ? result.incremental.checked : 'n/a'})`,
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
