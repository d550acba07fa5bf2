import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { id, text } from './columns.js';

/**
 * A verification whose processing failed for good goes to review without a determination, so
 * a review item's determination becomes optional, and its origin needs a longer name.
 */
export class FailedVerifications1764500000000 implements MigrationInterface {
  name = 'FailedVerifications1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn('review_items', 'determination_id', new TableColumn({ ...id('determination_id'), isNullable: true }));
    await queryRunner.changeColumn('review_items', 'origin', new TableColumn(text('origin', 32)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM review_items WHERE determination_id IS NULL`);
    await queryRunner.changeColumn('review_items', 'origin', new TableColumn(text('origin', 16)));
    await queryRunner.changeColumn('review_items', 'determination_id', new TableColumn(id('determination_id')));
  }
}
