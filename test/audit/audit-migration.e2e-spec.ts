import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app.config.js';
import { dataSourceOptions } from '../../src/core/database/data-source.options.js';
import { AuditSealing1764720000000 } from '../../src/core/database/migrations/1764720000000-audit-sealing.js';
import { MIGRATIONS } from '../../src/core/database/migrations/index.js';
import { AUDIT_COLUMNS, type AuditRow, GENESIS, refusal, resealed } from './audit-steps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

const COLUMNS = AUDIT_COLUMNS;

/** A chain as the earlier schema held it: every event sealed in its own transaction. */
function oldChain(length: number): AuditRow[] {
  const rows = Array.from({ length }, (_, index) => ({
    sequence: index + 1,
    at: `2026-11-20T08:00:0${index % 10}.000Z`,
    actor: index % 2 ? 'system' : 'reviewer-before',
    role: index % 2 ? 'system' : 'reviewer',
    action: 'APPLICATION_READ',
    application_id: null,
    correlation_id: `before-${index}`,
    outcome: 'SUCCEEDED',
    previous_hash: GENESIS,
    hash: '',
  }));
  return resealed(rows, 1);
}

/**
 * The sealing migration on a database whose audit chain was written under the earlier schema:
 * the sealed rows keep their sequences and hashes (and get their sequence as id), the chain
 * still verifies and continues from its head, the triggers stand, and the migration reverts.
 */
describe.each(['sqlite', 'postgres'] as const)('the audit sealing migration on %s', (kind) => {
  let database: TestDatabase;
  let source: DataSource;
  const mine = MIGRATIONS.indexOf(AuditSealing1764720000000);
  const before = oldChain(12);
  const p = (index: number) => (kind === 'postgres' ? `$${index}` : '?');
  const rows = async () =>
    ((await source.query(`SELECT id, ${COLUMNS.join(', ')} FROM audit_events ORDER BY sequence`)) as Array<AuditRow & { id: unknown }>).map(
      ({ id, ...row }) => ({ id: Number(id), ...row, sequence: Number(row.sequence) }),
    );

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    source = await new DataSource({
      ...dataSourceOptions(loadConfig({ NODE_ENV: 'test', ...database.env })),
      migrations: MIGRATIONS.slice(0, mine),
    }).initialize();
    await source.runMigrations();
    for (const row of before) {
      await source.query(
        `INSERT INTO audit_events (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, index) => p(index + 1)).join(', ')})`,
        COLUMNS.map((column) => row[column]),
      );
    }
    await source.destroy();
    source = await new DataSource(dataSourceOptions(loadConfig({ NODE_ENV: 'test', ...database.env }))).initialize();
  });
  afterAll(async () => {
    await source?.destroy();
    await database?.drop();
  });

  it('keeps every sealed event as it was, with its sequence as its id, and new events continue after them', async () => {
    await source.runMigrations();
    expect(await source.showMigrations()).toBe(false);
    expect(await rows()).toEqual(before.map((row) => ({ id: row.sequence, ...row })));
    await source.query(
      `INSERT INTO audit_events (at, actor, role, action, correlation_id, outcome) VALUES (${[1, 2, 3, 4, 5, 6].map(p).join(', ')})`,
      ['2026-11-28T08:00:00.000Z', 'reader-after', 'auditor', 'APPLICATION_READ', 'after-1', 'SUCCEEDED'],
    );
    const [after] = await source.query(`SELECT id, sequence FROM audit_events WHERE correlation_id = 'after-1'`);
    expect({ id: Number(after.id), sequence: after.sequence }).toEqual({ id: before.length + 1, sequence: null });
  });

  it('puts the triggers in place over the migrated rows', async () => {
    expect(await refusal(source.query(`UPDATE audit_events SET outcome = 'FORGED' WHERE sequence = 3`))).toMatch(/append-only/);
    expect(await refusal(source.query('DELETE FROM audit_events WHERE sequence = 3'))).toMatch(/append-only/);
  });

  it('reverts to the earlier table with the sealed events, and applies again', async () => {
    await source.undoLastMigration();
    expect(await source.query(`SELECT ${COLUMNS.join(', ')} FROM audit_events ORDER BY sequence`)).toEqual(before);
    const runner = source.createQueryRunner();
    try {
      expect([await runner.hasTable('audit_checkpoints'), await runner.hasTable('audit_verified_points')]).toEqual([false, false]);
      expect(await runner.hasColumn('audit_events', 'id')).toBe(false);
    } finally {
      await runner.release();
    }
    await source.runMigrations();
    expect((await rows()).map(({ id, sequence }) => [id, sequence])).toEqual(before.map((row) => [row.sequence, row.sequence]));
  });
});
