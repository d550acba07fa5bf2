import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { text } from './columns.js';

/**
 * At most one unfinished re-verification run per programme and region: a run holds
 * `active_key` (programme and region, `*` for every region) until it is seen finished, and a
 * unique index on it refuses a second one, whichever process inserts it. NULLs do not collide,
 * so finished runs keep none. Runs stored before this migration hold none either.
 */
export class ReverificationRunExclusive1764710000000 implements MigrationInterface {
  name = 'ReverificationRunExclusive1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // TypeORM's SQLite driver adds a column by rebuilding the table, whose run items refer to it
    // ON DELETE CASCADE (see 1764620000000); SQLite's own ALTER TABLE adds it in place.
    if (sqlite(queryRunner)) await queryRunner.query('ALTER TABLE "reverification_runs" ADD COLUMN "active_key" varchar(60)');
    else await queryRunner.addColumn('reverification_runs', new TableColumn(text('active_key', 60, true)));
    await queryRunner.createIndex(
      'reverification_runs',
      new TableIndex({ name: 'ux_reverification_runs_active', columnNames: ['active_key'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('reverification_runs', 'ux_reverification_runs_active');
    if (sqlite(queryRunner)) await queryRunner.query('ALTER TABLE "reverification_runs" DROP COLUMN "active_key"');
    else await queryRunner.dropColumn('reverification_runs', 'active_key');
  }
}

const sqlite = (queryRunner: QueryRunner) => queryRunner.connection.options.type === 'better-sqlite3';
