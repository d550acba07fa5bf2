import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../../../core/database/unit-of-work.js';
import { DomainError } from '../../../core/errors/domain.error.js';
import { AuditCheckpointsRepository } from '../checkpoint/audit-checkpoints.repository.js';
import { AuditSigningKeys } from '../checkpoint/audit-signing-keys.js';
import { CheckpointError, type CheckpointPayload } from '../checkpoint/checkpoint-jws.js';
import { type ChainSession, type PgClient, type SqliteDatabase, sqliteChain, withPostgresChain } from './chain-session.js';
import { type ChainPoint, type ChainVerdict, GENESIS, verifyChain } from './chain-verifier.js';
import { AuditVerifiedPointsRepository } from './audit-verified-points.repository.js';

/** Any constant: the PostgreSQL advisory lock held, for its session, by the one whole walk allowed at a time. */
export const WHOLE_WALK_LOCK_KEY = 7_424_252;

export interface VerifyRequest {
  /** A signed checkpoint (compact JWS) the log must still hold. */
  checkpoint?: string;
  /** Walk the whole chain, not only what was added since the last verification. */
  full?: boolean;
}

export type VerifyAnswer =
  | { valid: true; events: number; full: boolean; verifiedFrom: number; checked: number; checkpoint?: CheckpointPayload }
  | { valid: false; firstBadSequence: number; reason: string; full: boolean; checkpoint?: CheckpointPayload };

/**
 * Verifies the audit chain. By default incrementally: from the newest point an earlier
 * verification found whole (kept in its own table), checking that its event still has the
 * hash it had, then walking only what was sealed since. That is cheap however long the log,
 * but it cannot see a rewrite of the part already verified: `full=true`, or a signed
 * checkpoint, walks from the first event. Such whole walks run one at a time across all
 * processes (409 meanwhile). Every verification also holds the log to its newest stored
 * checkpoint, whose signature the database cannot forge.
 */
@Injectable()
export class AuditVerificationService {
  private readonly postgres: boolean;
  /** A whole walk under way in this process (SQLite has one process; on PostgreSQL the advisory lock covers the others). */
  private wholeWalk = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly keys: AuditSigningKeys,
    private readonly checkpoints: AuditCheckpointsRepository,
    private readonly points: AuditVerifiedPointsRepository,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  async verify(request: VerifyRequest): Promise<VerifyAnswer> {
    const given = request.checkpoint === undefined ? undefined : await this.checkpointOf(request.checkpoint);
    const stored = await this.storedCheckpoint();
    if (stored && 'forged' in stored) {
      return { valid: false, firstBadSequence: Math.max(stored.sequence, 1), reason: 'STORED_CHECKPOINT_INVALID', full: false };
    }
    const remembered = request.full || given ? null : await this.points.find();
    const whole = remembered === null || remembered.sequence === 0;
    const checkpoints = [given, stored].filter((point) => point !== undefined);
    const from = whole ? GENESIS : remembered;
    const verdict = await this.withSession(whole, (session) => verifyChain(session, { from, checkpoints }));
    await (verdict.valid ? this.points.advance(from, verdict.head) : this.points.moveBack(verdict.lastGood));
    const context = { full: whole, ...(given ? { checkpoint: given } : {}) };
    if (!verdict.valid) return { valid: false, firstBadSequence: verdict.firstBadSequence, reason: verdict.reason, ...context };
    return { valid: true, events: verdict.events, ...context, verifiedFrom: verdict.from, checked: verdict.checked };
  }

  /** A checkpoint of this log signed by a key it knows, or 400 naming `checkpoint`. */
  private async checkpointOf(jws: string): Promise<CheckpointPayload> {
    try {
      const { payload } = await this.keys.verify(jws);
      if (payload.origin !== this.keys.origin) throw new CheckpointError(`it is a checkpoint of another log (${payload.origin})`);
      return payload;
    } catch (error) {
      if (!(error instanceof CheckpointError)) throw error;
      throw DomainError.validation([
        { path: 'checkpoint', message: `checkpoint is not a signed checkpoint of this log: ${error.message}` },
      ]);
    }
  }

  /**
   * The newest checkpoint stored, read before the walk's snapshot, so that the log walked holds
   * at least what it signed. One whose signature does not verify (or that names another log,
   * or says other than its columns) was not signed here: it is reported as such.
   */
  private async storedCheckpoint(): Promise<ChainPoint | (ChainPoint & { forged: true }) | undefined> {
    const newest = await this.checkpoints.newest();
    if (!newest) return undefined;
    const claimed = { sequence: Number(newest.sequence), hash: newest.hash };
    try {
      const { payload } = await this.keys.verify(newest.jws);
      if (payload.origin === this.keys.origin && payload.sequence === claimed.sequence && payload.hash === claimed.hash) return claimed;
    } catch (error) {
      if (!(error instanceof CheckpointError)) throw error;
    }
    return { ...claimed, forged: true };
  }

  private async withSession(whole: boolean, work: (session: ChainSession) => Promise<ChainVerdict>): Promise<ChainVerdict> {
    if (whole && this.wholeWalk) throw busy();
    if (whole) this.wholeWalk = true;
    try {
      if (!this.postgres) {
        const database = (this.dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
        return await work(sqliteChain(database, (read) => this.unitOfWork.read(async () => read())));
      }
      const runner = this.dataSource.createQueryRunner();
      try {
        const client = (await runner.connect()) as PgClient;
        if (!whole) return await withPostgresChain(client, work);
        const { rows } = await client.query({ text: `SELECT pg_try_advisory_lock(${WHOLE_WALK_LOCK_KEY})`, rowMode: 'array' });
        if (rows[0][0] !== true) throw busy();
        try {
          return await withPostgresChain(client, work);
        } finally {
          await client.query({ text: `SELECT pg_advisory_unlock(${WHOLE_WALK_LOCK_KEY})` });
        }
      } finally {
        await runner.release();
      }
    } finally {
      if (whole) this.wholeWalk = false;
    }
  }
}

function busy(): DomainError {
  return new DomainError('CONFLICT', 'A whole verification of the audit log is already running; try again once it has finished.');
}
