import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs every write of the service, alone or several in a transaction.
 *
 * PostgreSQL gives each transaction a pooled connection of its own. The SQLite driver has one
 * connection for everything, so two transactions started from concurrent requests or jobs
 * would interleave on it, and one's rollback (or its BEGIN failing) would take the other's
 * statements with it. On SQLite, writes therefore take turns.
 */
@Injectable()
export class UnitOfWork {
  private readonly sqliteTurn: Mutex | null;
  /** What to do once each transaction under way (by its manager) has committed. */
  private readonly commitCallbacks = new WeakMap<EntityManager, (() => void)[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sqliteTurn = dataSource.options.type === 'better-sqlite3' ? new Mutex() : null;
  }

  /** Several writes that stand or fall together. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      const callbacks: (() => void)[] = [];
      const result = await this.dataSource.transaction(async (manager) => {
        this.commitCallbacks.set(manager, callbacks);
        try {
          return await work(manager);
        } finally {
          // SQLite hands every transaction the same manager: the next one starts afresh.
          this.commitCallbacks.delete(manager);
        }
      });
      for (const callback of callbacks) callback();
      return result;
    });
  }

  /**
   * Calls `callback` once the transaction of `manager` (one that `run` started) has committed,
   * and never if it rolls back; at once for a manager outside `run`, whose writes are already
   * in. For bookkeeping that must count only what was stored (metrics); it must not throw.
   */
  afterCommit(manager: EntityManager, callback: () => void): void {
    const callbacks = this.commitCallbacks.get(manager);
    if (callbacks) callbacks.push(callback);
    else callback();
  }

  /** One statement, atomic on its own: no transaction needed, only its turn on SQLite. */
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.inTurn(() => work(this.dataSource.manager));
  }

  /**
   * Several reads that must agree with each other (an application and its determination):
   * one snapshot on PostgreSQL; on SQLite, a turn between writes, so that no half-done
   * transaction on the shared connection shows through.
   */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.sqliteTurn ? this.inTurn(() => work(this.dataSource.manager)) : this.dataSource.transaction('REPEATABLE READ', work);
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    return this.sqliteTurn ? this.sqliteTurn.runExclusive(work) : work();
  }
}
