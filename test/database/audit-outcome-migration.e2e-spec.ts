import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app.config.js';
import { dataSourceOptions } from '../../src/core/database/data-source.options.js';
import { AuditOutcomeWidth1764700000000 } from '../../src/core/database/migrations/1764700000000-audit-outcome-width.js';
import { MIGRATIONS } from '../../src/core/database/migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

const ROW = {
  sequence: 1,
  at: '2026-11-20T08:00:00.000Z',
  actor: 'alice',
  role: 'intake',
  action: 'APPLICATIONS_LISTED',
  correlation_id: 'c',
  outcome: 'SUCCEEDED',
  previous_hash: '0'.repeat(64),
  hash: 'a'.repeat(64),
};

/**
 * Widening audit_events.outcome (for the filters of an audit read) keeps every event as it
 * was, on SQLite too, where changing a column rebuilds the table; reverting it narrows the
 * column again only while no outcome would be cut short.
 */
describe.each(['sqlite', 'postgres'] as const)('the audit outcome migration on %s', (kind) => {
  let database: TestDatabase;
  let source: DataSource;
  const mine = MIGRATIONS.indexOf(AuditOutcomeWidth1764700000000);
  const p = (index: number) => (kind === 'postgres' ? `$${index}` : '?');
  const insert = (row: typeof ROW) =>
    source.query(
      `INSERT INTO audit_events (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map((_, index) => p(index + 1))
        .join(', ')})`,
      Object.values(row),
    );
  const rows = () => source.query('SELECT * FROM audit_events ORDER BY sequence');

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    source = await new DataSource({
      ...dataSourceOptions(loadConfig({ NODE_ENV: 'test', ...database.env })),
      migrations: MIGRATIONS.slice(0, mine),
    }).initialize();
    await source.runMigrations();
    await insert(ROW);
    await source.destroy();
    source = await new DataSource({
      ...dataSourceOptions(loadConfig({ NODE_ENV: 'test', ...database.env })),
      migrations: MIGRATIONS.slice(0, mine + 1),
    }).initialize();
  });

  afterAll(async () => {
    await source?.destroy();
    await database?.drop();
  });

  it('keeps every event as it was and takes an outcome of 2000 characters', async () => {
    const before = await rows();
    await source.runMigrations();
    expect(await rows()).toEqual(before);
    await insert({ ...ROW, sequence: 2, outcome: 'x'.repeat(2000) });
    expect((await rows())[1].outcome).toHaveLength(2000);
  });

  it('refuses to revert while an outcome is longer than 40 characters, and reverts once none is', async () => {
    await expect(source.undoLastMigration()).rejects.toThrow(/longer than 40 characters/);
    await source.query(`DELETE FROM audit_events WHERE sequence = 2`);
    await source.undoLastMigration();
    expect(await rows()).toHaveLength(1);
    expect(await source.showMigrations()).toBe(true);
  });
});
