import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { GENESIS_HASH, type SealedContent } from '../audit-chain.js';

/** Any constant: the key of the PostgreSQL advisory lock that one sealer at a time holds for its batch. */
export const SEALER_LOCK_KEY = 7_424_251;

/** A committed event not sealed yet, as the sealer reads it. */
export interface UnsealedRow extends Omit<SealedContent, 'sequence' | 'previousHash'> {
  id: string;
}

/** What the sealer sets, once, on an unsealed row. */
export interface Seal {
  id: string;
  sequence: number;
  previousHash: string;
  hash: string;
}

/** What a pass of the sealer would find to do. */
export interface SealWork {
  unsealed: boolean;
  head: number;
  /** The sequence of the newest signed checkpoint; null before the first. */
  signed: number | null;
}

/** The SQL of sealing, on either database. Only the sealer writes through it. */
@Injectable()
export class AuditSealStore {
  private readonly postgres: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /** Three index look-ups, outside any transaction: whether a pass has anything to do. */
  async work(): Promise<SealWork> {
    const [row] = await this.dataSource.query(
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM audit_events WHERE sequence IS NULL) THEN 1 ELSE 0 END AS unsealed,
              (SELECT MAX(sequence) FROM audit_events WHERE sequence IS NOT NULL) AS head,
              (SELECT MAX(sequence) FROM audit_checkpoints) AS signed`,
    );
    return { unsealed: Number(row.unsealed) === 1, head: Number(row.head ?? 0), signed: row.signed === null ? null : Number(row.signed) };
  }

  /**
   * On PostgreSQL, the sealer's lock for this transaction, if no other process holds it; it is
   * released by the commit or the rollback, a dead process's with its connection. SQLite has
   * one process, whose writes already take turns.
   */
  async tryLock(manager: EntityManager): Promise<boolean> {
    if (!this.postgres) return true;
    const [row] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SEALER_LOCK_KEY]);
    return row.locked === true;
  }

  /**
   * The newest sealed event. Read after the lock is taken: under READ COMMITTED the statement
   * sees every batch committed before, since a sealer's commit is visible before its lock is released.
   */
  async head(manager: EntityManager): Promise<{ sequence: number; hash: string }> {
    const [row] = await manager.query('SELECT sequence, hash FROM audit_events WHERE sequence IS NOT NULL ORDER BY sequence DESC LIMIT 1');
    return row ? { sequence: Number(row.sequence), hash: row.hash } : { sequence: 0, hash: GENESIS_HASH };
  }

  /** Up to `limit` committed unsealed events, oldest insertion first. */
  async unsealed(manager: EntityManager, limit: number): Promise<UnsealedRow[]> {
    const rows: UnsealedRow[] = await manager.query(
      `SELECT id, at, actor, role, action, application_id AS "applicationId", correlation_id AS "correlationId", outcome
       FROM audit_events WHERE sequence IS NULL ORDER BY id LIMIT ${this.postgres ? '$1' : '?'}`,
      [limit],
    );
    return rows.map((row) => ({ ...row, id: String(row.id) }));
  }

  /** Sets the seals in one statement. */
  async seal(manager: EntityManager, seals: Seal[]): Promise<void> {
    if (seals.length === 0) return;
    if (this.postgres) {
      await manager.query(
        `UPDATE audit_events e SET sequence = s.sequence, previous_hash = s.previous_hash, hash = s.hash
         FROM unnest($1::bigint[], $2::integer[], $3::varchar[], $4::varchar[]) AS s(id, sequence, previous_hash, hash)
         WHERE e.id = s.id`,
        [
          seals.map((seal) => seal.id),
          seals.map((seal) => seal.sequence),
          seals.map((seal) => seal.previousHash),
          seals.map((seal) => seal.hash),
        ],
      );
      return;
    }
    // One JSON parameter: a batch of thousands would exceed SQLite's limit on bound parameters.
    await manager.query(
      `UPDATE audit_events SET sequence = s.value ->> '$[1]', previous_hash = s.value ->> '$[2]', hash = s.value ->> '$[3]'
       FROM json_each(?) AS s WHERE audit_events.id = s.value ->> '$[0]'`,
      [JSON.stringify(seals.map((seal) => [Number(seal.id), seal.sequence, seal.previousHash, seal.hash]))],
    );
  }
}
