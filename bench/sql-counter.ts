import pg from 'pg';

let statements = 0;
let installed = false;

/**
 * Counts every statement sent by any `pg` client in this process, BEGIN and COMMIT included.
 * TypeORM's PostgreSQL driver goes through `pg.Client#query`, so this sees the service's
 * whole database traffic without touching its code: statements per determination is the
 * first thing to look at when the service falls short of the raw ceiling.
 */
export function sqlStatementCounter(): () => number {
  if (!installed) {
    const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
      statements += 1;
      return original.apply(this, args);
    } as never;
    installed = true;
  }
  return () => statements;
}
