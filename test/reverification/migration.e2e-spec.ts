import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app.config.js';
import { dataSourceOptions } from '../../src/core/database/data-source.options.js';
import { ReverificationRuns1764620000000 } from '../../src/core/database/migrations/1764620000000-reverification-runs.js';
import { MIGRATIONS } from '../../src/core/database/migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

const AT = '2026-11-20T08:00:00.000Z';

/**
 * The re-verification migration on a database that already holds verifications: on SQLite,
 * adding a column rebuilds the table that source checks and determinations refer to, which
 * must cost none of their rows. Reverting it leaves them too.
 */
describe.each(['sqlite', 'postgres'] as const)('the re-verification migration on %s', (kind) => {
  let database: TestDatabase;
  let source: DataSource;
  const mine = MIGRATIONS.indexOf(ReverificationRuns1764620000000);
  const count = async (table: string) => Number((await source.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const p = (index: number) => (kind === 'postgres' ? `$${index}` : '?');

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    source = await new DataSource({ ...dataSourceOptions(loadConfig(database.env)), migrations: MIGRATIONS.slice(0, mine) }).initialize();
    await source.runMigrations();
    await source.query(
      `INSERT INTO applications (id, program, region_code, application_date, status, submitted_by, request_sha256, current_verification_id, created_at, updated_at)
       VALUES ('a0000000-0000-4000-8000-000000000001', 'MINIMUM_LIVING_ALLOWANCE', '542523', '2026-11-20', 'DETERMINED', 'intake', '${'0'.repeat(64)}', 'b0000000-0000-4000-8000-000000000001', ${p(1)}, ${p(2)})`,
      [AT, AT],
    );
    await source.query(
      `INSERT INTO verifications (id, application_id, sequence, policy_version, status, requested_by, correlation_id, created_at)
       VALUES ('b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 1, '5425@2023-01-01', 'DETERMINED', 'intake', 'c', ${p(1)})`,
      [AT],
    );
    await source.query(
      `INSERT INTO source_checks (verification_id, source, status, attempts) VALUES ('b0000000-0000-4000-8000-000000000001', 'VEHICLE_REGISTRATION', 'SUCCEEDED', 1)`,
    );
    await source.query(
      `INSERT INTO determinations (id, verification_id, application_id, outcome, policy_version, evaluation, determined_at)
       VALUES ('d0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'ELIGIBLE', '5425@2023-01-01', '{}', ${p(1)})`,
      [AT],
    );
    await source.destroy();
    source = await new DataSource(dataSourceOptions(loadConfig(database.env))).initialize();
  });

  afterAll(async () => {
    await source?.destroy();
    await database?.drop();
  });

  it('adds the runs, their households and verifications.run_id, keeping every row', async () => {
    await source.runMigrations();
    expect(await source.showMigrations()).toBe(false);
    expect([await count('verifications'), await count('source_checks'), await count('determinations')]).toEqual([1, 1, 1]);
    expect(await source.query('SELECT run_id FROM verifications')).toEqual([{ run_id: null }]);
    expect([await count('reverification_runs'), await count('reverification_run_items')]).toEqual([0, 0]);
  });

  it('reverts, keeping every row', async () => {
    // Later migrations first, then this one.
    for (let applied = MIGRATIONS.length; applied > mine; applied -= 1) await source.undoLastMigration();
    expect([await count('verifications'), await count('source_checks'), await count('determinations')]).toEqual([1, 1, 1]);
    const runTables = await source.createQueryRunner().hasTable('reverification_runs');
    expect(runTables).toBe(false);
    expect(await source.createQueryRunner().hasColumn('verifications', 'run_id')).toBe(false);
  });
});
