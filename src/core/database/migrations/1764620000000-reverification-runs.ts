import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { id, text, timestamp } from './columns.js';

/**
 * Periodic re-verification: the runs, the households each took up, and on every verification
 * the run that started it (null for the others).
 */
export class ReverificationRuns1764620000000 implements MigrationInterface {
  name = 'ReverificationRuns1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'reverification_runs',
        columns: [
          id('id', true),
          text('program', 40),
          text('region_code', 6, true),
          text('trigger', 16),
          text('requested_by', 128),
          text('correlation_id', 64),
          text('schedule_key', 100, true),
          { ...id('after_application_id'), isNullable: true },
          timestamp('created_at'),
          timestamp('selected_at', true),
        ],
        indices: [
          new TableIndex({ name: 'ux_reverification_runs_schedule', columnNames: ['schedule_key'], isUnique: true }),
          new TableIndex({ name: 'ix_reverification_runs_selected', columnNames: ['selected_at', 'created_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reverification_run_items',
        columns: [
          id('run_id', true),
          id('application_id', true),
          { ...id('verification_id'), isNullable: true },
          text('previous_outcome', 16),
          text('previous_decision', 16, true),
          timestamp('recorded_at'),
        ],
        foreignKeys: [
          { columnNames: ['run_id'], referencedTableName: 'reverification_runs', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['application_id'], referencedTableName: 'applications', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    // TypeORM's SQLite driver adds and drops a column by rebuilding the table, dropping the old
    // one; source checks and determinations refer to verifications ON DELETE CASCADE, and when a
    // migration is reverted the foreign keys are still on, so they would go with it. SQLite's own
    // ALTER TABLE changes the column in place.
    if (sqlite(queryRunner)) await queryRunner.query('ALTER TABLE "verifications" ADD COLUMN "run_id" varchar(36)');
    else await queryRunner.addColumn('verifications', new TableColumn({ ...id('run_id'), isNullable: true }));
    await queryRunner.createIndex('verifications', new TableIndex({ name: 'ix_verifications_run', columnNames: ['run_id', 'status'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('verifications', 'ix_verifications_run');
    if (sqlite(queryRunner)) await queryRunner.query('ALTER TABLE "verifications" DROP COLUMN "run_id"');
    else await queryRunner.dropColumn('verifications', 'run_id');
    await queryRunner.dropTable('reverification_run_items');
    await queryRunner.dropTable('reverification_runs');
  }
}

const sqlite = (queryRunner: QueryRunner) => queryRunner.connection.options.type === 'better-sqlite3';
