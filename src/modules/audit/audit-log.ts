import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '../../core/database/unit-of-work.js';
import { Clock } from '../../core/time/clock.js';
import { Metrics } from '../metrics/metrics.service.js';
import { sealHash } from './audit-chain.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { GENESIS_HASH, type AuditRecord } from './audit.types.js';

/** Any constant: the key of the PostgreSQL advisory lock that serialises sealing. */
const CHAIN_LOCK_KEY = 7_424_251;

/**
 * Appends events to the audit chain inside the caller's transaction, so that an event is
 * stored exactly when the change it records is.
 *
 * Each event links to the previous one, so appends are sealed one at a time: on PostgreSQL
 * a transaction-scoped advisory lock is taken just before the append and released by the
 * commit, and the transaction then reads the chain's head as committed (READ COMMITTED);
 * on SQLite every write already takes its turn (UnitOfWork). Callers append last in their
 * transaction, so the lock is held only for the append and the commit.
 */
@Injectable()
export class AuditLog {
  private readonly postgres: boolean;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    private readonly metrics: Metrics,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /** An event that goes with no change of its own: a read of personal data. */
  record(record: AuditRecord): Promise<void> {
    return this.unitOfWork.run((manager) => this.append(manager, record));
  }

  async append(manager: EntityManager, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    if (this.postgres) await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const head = await manager.getRepository(AuditEventEntity).createQueryBuilder('e').orderBy('e.sequence', 'DESC').limit(1).getOne();
    let sequence = head?.sequence ?? 0;
    let previousHash = head?.hash ?? GENESIS_HASH;
    const at = this.clock.now().toISOString();
    const events = records.map((record) => {
      sequence += 1;
      const unsealed = {
        sequence,
        at,
        actor: record.actor.sub,
        role: record.actor.role,
        action: record.action,
        applicationId: record.applicationId,
        correlationId: record.correlationId,
        outcome: record.outcome,
        previousHash,
      };
      previousHash = sealHash(unsealed);
      return { ...unsealed, hash: previousHash };
    });
    await manager.insert(AuditEventEntity, events);
    this.unitOfWork.afterCommit(manager, () => this.metrics.auditAppended(records.map((record) => record.action)));
  }
}
