import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app.config.js';
import { MIGRATIONS } from './migrations/index.js';

/** The entity classes a data source maps: the modules', handed down (src/entities.ts), since core imports no module. */
export type Entities = NonNullable<DataSourceOptions['entities']>;

/**
 * PostgreSQL when DATABASE_URL is set, otherwise an embedded SQLite file. The schema always
 * comes from the migrations, run on start-up (see run-migrations.ts); `synchronize` stays off.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'SQLITE_PATH' | 'DATABASE_CONNECT_TIMEOUT_MS' | 'DATABASE_STATEMENT_TIMEOUT_MS'>,
  entities: Entities = [],
): DataSourceOptions {
  const common = { entities, migrations: MIGRATIONS, synchronize: false, logging: false } as const;
  if (config.DATABASE_URL) {
    return { ...common, type: 'postgres', url: config.DATABASE_URL, extra: postgresPool(config) };
  }
  if (config.SQLITE_PATH !== ':memory:') mkdirSync(dirname(config.SQLITE_PATH), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.SQLITE_PATH,
    enableWAL: true,
    // Several workers share one file; wait for a lock rather than fail at once.
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

/**
 * pg's pool waits for a connection (a new one, or a free one of the pool) without limit by
 * default, so an unreachable server would hang every request: the connect timeout bounds
 * that wait, and the error it raises becomes a 503 (see database-unavailable.ts). The
 * statement timeout is enforced by the server, so a stuck lock wait also ends; the client's
 * own query timeout, a second later, only fires when the server no longer answers at all.
 */
function postgresPool(config: Pick<AppConfig, 'DATABASE_CONNECT_TIMEOUT_MS' | 'DATABASE_STATEMENT_TIMEOUT_MS'>) {
  const statementTimeout = config.DATABASE_STATEMENT_TIMEOUT_MS;
  return {
    max: 20,
    connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
    ...(statementTimeout > 0 ? { statement_timeout: statementTimeout, query_timeout: statementTimeout + 1000 } : {}),
  };
}
