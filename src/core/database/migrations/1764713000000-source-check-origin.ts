import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { text } from './columns.js';

/**
 * Which registry answered each check: `HTTP` (a registry at its configured URL) or `SANDBOX`
 * (the built-in stand-in), so that a determination can say it rests on sandbox data and a
 * re-evaluation of the stored answers says so again. Null on the checks recorded before.
 */
export class SourceCheckOrigin1764713000000 implements MigrationInterface {
  name = 'SourceCheckOrigin1764713000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // SQLite's own ALTER TABLE adds the column in place; TypeORM's driver would rebuild the table.
    if (sqlite(queryRunner)) await queryRunner.query('ALTER TABLE "source_checks" ADD COLUMN "origin" varchar(8)');
    else await queryRunner.addColumn('source_checks', new TableColumn(text('origin', 8, true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (sqlite(queryRunner)) await queryRunner.query('ALTER TABLE "source_checks" DROP COLUMN "origin"');
    else await queryRunner.dropColumn('source_checks', 'origin');
  }
}

const sqlite = (queryRunner: QueryRunner) => queryRunner.connection.options.type === 'better-sqlite3';
