import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MicroBatcher } from '../../core/batching/micro-batcher.js';
import { databaseUnavailable } from '../../core/database/database-unavailable.js';
import { UnitOfWork } from '../../core/database/unit-of-work.js';
import { Clock } from '../../core/time/clock.js';
import { Metrics } from '../metrics/metrics.service.js';
import type { AuditRecord } from './audit.types.js';

type Row = [at: string, actor: string, role: string, action: string, applicationId: string | null, correlationId: string, outcome: string];

const COLUMNS = 'at, actor, role, action, application_id, correlation_id, outcome';
/** Rows per grouped INSERT of `record`: SQLite takes at most 32,766 parameters in a statement. */
const MAX_GROUP = 500;

/**
 * Writes audit events, unsealed: the sealer (AuditSealer) chains them later, one batch at a
 * time, so that writers never wait for each other. An event is stored exactly when the change
 * it records is: `append` inserts it in the caller's transaction, and a rollback takes it away
 * before anyone has sealed it.
 *
 * `record` is for events with no change of their own (reads of personal data). Those are
 * grouped: while one INSERT is on its way, the records that arrive wait and go together in the
 * next, one statement (atomic by itself) for many readers, each of whom is answered once its
 * row has committed. A commit costs about the same (its WAL flush) for one row or hundreds,
 * so one INSERT at a time with everything that waited beats several small ones side by side
 * (measured). A group that fails is retried row by row, so that one bad record fails only its
 * own caller; with the database unreachable, all fail at once.
 */
@Injectable()
export class AuditLog {
  private readonly postgres: boolean;
  private readonly reads = new MicroBatcher((rows: Row[]) => this.storeRecorded(rows), {
    maxItems: MAX_GROUP,
    lingerMs: 0,
    isolate: (error) => !databaseUnavailable(error),
  });

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    private readonly metrics: Metrics,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /** An event that goes with no change of its own: a read of personal data. Resolves once it is stored. */
  async record(record: AuditRecord): Promise<void> {
    await this.reads.add(this.rowOf(record));
  }

  /** Events that go with the change the transaction of `manager` makes. */
  async append(manager: EntityManager, ...records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.insert(
      manager,
      records.map((record) => this.rowOf(record)),
    );
    this.unitOfWork.afterCommit(manager, () => this.metrics.auditAppended(records.map((record) => record.action)));
  }

  /** Recorded events in a statement of their own, atomic by itself. */
  private async storeRecorded(rows: Row[]): Promise<void[]> {
    await this.unitOfWork.write((manager) => this.insert(manager, rows));
    this.metrics.auditAppended(rows.map(([, , , action]) => action));
    return rows.map(() => undefined);
  }

  /** One INSERT for all the rows: column arrays unnested on PostgreSQL (one plan whatever the count), a VALUES list on SQLite. */
  private async insert(manager: EntityManager, rows: Row[]): Promise<void> {
    if (this.postgres) {
      const columns = rows[0].map((_, index) => rows.map((row) => row[index]));
      await manager.query(
        `INSERT INTO audit_events (${COLUMNS})
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[])`,
        columns,
      );
      return;
    }
    await manager.query(`INSERT INTO audit_events (${COLUMNS}) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`, rows.flat());
  }

  private rowOf(record: AuditRecord): Row {
    const at = this.clock.now().toISOString();
    return [at, record.actor.sub, record.actor.role, record.action, record.applicationId, record.correlationId, record.outcome];
  }
}
