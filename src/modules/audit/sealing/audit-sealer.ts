import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Mutex } from 'async-mutex';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../../core/config/app.config.js';
import { UnitOfWork } from '../../../core/database/unit-of-work.js';
import { Clock } from '../../../core/time/clock.js';
import { Metrics } from '../../metrics/metrics.service.js';
import { NotificationService } from '../../notifications/notification.service.js';
import { sealHash } from '../audit-chain.js';
import { AuditCheckpointsRepository } from '../checkpoint/audit-checkpoints.repository.js';
import { AuditSigningKeys } from '../checkpoint/audit-signing-keys.js';
import { AuditSealStore, type Seal, type UnsealedRow } from './audit-seal.store.js';

/** Checkpoints are signed at most this often under load. */
const CHECKPOINT_EVERY_MS = 1000;
/** The longest the hashing of a batch holds the event loop before it lets requests through. */
const SLICE_MS = 20;

/** What one batch transaction came to. */
export interface SealBatch {
  /** Another process held the sealer's lock: it seals meanwhile. */
  busy: boolean;
  sealed: number;
  /** The batch was as large as allowed: more may be waiting. */
  full: boolean;
}

/** Told of every batch once it has committed: each event's `at` and when it was sealed (the bench measures the lag with it). */
export type SealListener = (ats: readonly string[], sealedAt: number) => void;

/**
 * Seals the audit log: takes committed unsealed events in insertion order, in batches of up
 * to AUDIT_SEAL_BATCH per transaction, gives them the next sequence numbers, and chains each
 * to the one before (sealHash). After a batch, at most once a second, it signs a checkpoint
 * of the new head (and, with AUDIT_WITNESS_URL, records it for the witness in the same
 * transaction).
 *
 * Every process runs one, every AUDIT_SEAL_INTERVAL_MS; one at a time seals, under a
 * transaction-scoped PostgreSQL advisory lock taken with try-lock (the others skip their
 * turn), or on SQLite in the single process's turn. A process that dies mid-batch loses
 * nothing: its transaction rolls back and the next pass, here or elsewhere, seals the same
 * events. An event committed late, behind ones with higher ids, is simply sealed in a later
 * batch: sequences stay dense and never repeat.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  /** One pass at a time in this process. */
  private readonly turn = new Mutex();
  private readonly listeners = new Set<SealListener>();
  private timer?: NodeJS.Timeout;
  /** Whether the log's falling behind its newest checkpoint was already reported. */
  private behindWarned = false;
  /** Whether the last pass failed (and was reported). */
  private failing = false;

  constructor(
    private readonly store: AuditSealStore,
    private readonly checkpoints: AuditCheckpointsRepository,
    private readonly keys: AuditSigningKeys,
    private readonly unitOfWork: UnitOfWork,
    private readonly notifications: NotificationService,
    private readonly metrics: Metrics,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A first pass at once, so that a started service has a signed checkpoint to show.
    await this.pass();
    this.timer = setInterval(() => void this.pass(), this.config.AUDIT_SEAL_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // A batch under way commits before the database connections close.
    await this.turn.waitForUnlock();
  }

  /** Called with every batch this process seals, once committed; answers a function that stops it. */
  onSealed(listener: SealListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Seals everything committed before the call and signs a checkpoint of the head, whichever
   * process holds the lock: for tests, and for tools that must read a settled log.
   */
  async sealPending(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const batch = await this.turn.runExclusive(() => this.sealBatch(true));
      if (!batch.busy && !batch.full) return;
      if (Date.now() > deadline) throw new Error(`Audit events still unsealed after ${timeoutMs} ms`);
      if (batch.busy) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** One pass of the timer: batches while they come full (a backlog), then a checkpoint if one is due. */
  private async pass(): Promise<void> {
    if (this.turn.isLocked()) return;
    await this.turn.runExclusive(async () => {
      try {
        const work = await this.store.work();
        if (work.unsealed || work.signed === null || work.signed < work.head) {
          for (let batch = await this.sealBatch(false); batch.full; batch = await this.sealBatch(false));
        }
        if (this.failing) this.logger.log('Sealing audit events again');
        this.failing = false;
      } catch (error) {
        // Once per outage: with the database down, a pass fails every AUDIT_SEAL_INTERVAL_MS.
        if (!this.failing) this.logger.warn({ error: (error as Error).message }, 'Sealing audit events failed; the next passes try again');
        this.failing = true;
      }
    });
  }

  private async sealBatch(forceCheckpoint: boolean): Promise<SealBatch> {
    const limit = this.config.AUDIT_SEAL_BATCH;
    let ats: string[] = [];
    const batch = await this.unitOfWork.run(async (manager): Promise<SealBatch> => {
      if (!(await this.store.tryLock(manager))) return { busy: true, sealed: 0, full: false };
      const rows = await this.store.unsealed(manager, limit);
      const { seals, head } = await chain(await this.store.head(manager), rows);
      await this.store.seal(manager, seals);
      await this.signIfDue(manager, head, forceCheckpoint);
      ats = rows.map((row) => row.at);
      return { busy: false, sealed: rows.length, full: rows.length === limit };
    });
    if (batch.sealed > 0) this.sealed(ats);
    return batch;
  }

  /**
   * A checkpoint of `head` when the newest is behind it and older than a second (or on
   * demand), or when there is none yet. Never one of a head behind the newest checkpoint: the
   * log has lost events it had signed (its tail cut), and signing what is left would vouch for that.
   */
  private async signIfDue(manager: EntityManager, head: { sequence: number; hash: string }, force: boolean): Promise<void> {
    const newest = await this.checkpoints.newest(manager);
    const now = this.clock.now();
    if (newest) {
      const signed = Number(newest.sequence);
      if (signed > head.sequence && !this.behindWarned) {
        this.behindWarned = true;
        this.logger.error(
          { head: head.sequence, checkpoint: signed },
          'The audit log ends before its newest signed checkpoint: events were removed',
        );
      }
      if (signed >= head.sequence) return;
      if (!force && now.getTime() - Date.parse(newest.at) < CHECKPOINT_EVERY_MS) return;
    }
    this.behindWarned = false;
    const at = now.toISOString();
    const id = randomUUID();
    const jws = await this.keys.sign({ sequence: head.sequence, hash: head.hash, at });
    await this.checkpoints.add(manager, {
      id,
      origin: this.keys.origin,
      sequence: head.sequence,
      hash: head.hash,
      at,
      kid: this.keys.kid,
      jws,
    });
    await this.notifications.checkpointSigned(manager, id, id);
  }

  private sealed(ats: string[]): void {
    const sealedAt = Date.now();
    this.metrics.auditSealed(ats.map((at) => Math.max(0, sealedAt - Date.parse(at)) / 1000));
    for (const listener of this.listeners) listener(ats, sealedAt);
  }
}

/** Seals `rows` in order after `head`: each gets the next sequence and is chained to the one before. */
async function chain(
  head: { sequence: number; hash: string },
  rows: UnsealedRow[],
): Promise<{ seals: Seal[]; head: { sequence: number; hash: string } }> {
  const seals: Seal[] = [];
  let { sequence, hash } = head;
  let sliceStarted = performance.now();
  for (const row of rows) {
    const previousHash = hash;
    sequence += 1;
    hash = sealHash({ ...row, sequence, previousHash });
    seals.push({ id: row.id, sequence, previousHash, hash });
    if ((seals.length & 255) === 0 && performance.now() - sliceStarted > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
  return { seals, head: { sequence, hash } };
}
