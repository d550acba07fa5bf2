import type { DataSource } from 'typeorm';

/** A fixed key for PostgreSQL's advisory lock that serialises the migrations of several processes. */
const MIGRATION_LOCK_KEY = 5_425_000_001;

/**
 * Runs the pending migrations. On PostgreSQL, processes that start together (an API and its
 * workers) take turns under a session advisory lock, so that none tries to create a table
 * another is creating; the later ones then find nothing to do. SQLite is one process's file.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'all' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'all' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
