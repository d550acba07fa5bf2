import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app.config.js';
import { dataSourceOptions } from '../../src/core/database/data-source.options.js';
import { MIGRATIONS } from '../../src/core/database/migrations/index.js';
import { runMigrations } from '../../src/core/database/run-migrations.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';

/** Processes that start together on an empty PostgreSQL database (an API and its workers) take turns migrating it. */
describe('migrations run by several processes at once', () => {
  let database: TestDatabase;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await Promise.all(sources.map((source) => source.destroy()));
    await database.drop();
  });

  it('migrates once, and every process starts', async () => {
    const options = dataSourceOptions(loadConfig({ NODE_ENV: 'test', ...database.env }));
    for (let i = 0; i < 4; i++) sources.push(await new DataSource(options).initialize());
    await Promise.all(sources.map((source) => runMigrations(source)));
    const applied: { name: string }[] = await sources[0].query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => new migration().name));
    expect(await Promise.all(sources.map((source) => source.showMigrations()))).toEqual([false, false, false, false]);
  });
});
