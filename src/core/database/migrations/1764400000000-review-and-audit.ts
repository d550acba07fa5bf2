import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, integer, text, timestamp } from './columns.js';

/** The review queue, reviewers' decisions and the audit chain. */
export class ReviewAndAudit1764400000000 implements MigrationInterface {
  name = 'ReviewAndAudit1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'review_items',
        columns: [
          id('id', true),
          id('application_id'),
          id('determination_id'),
          text('origin', 16),
          text('request_reason', 2000, true),
          text('status', 16),
          text('claimed_by', 128, true),
          timestamp('claim_expires_at', true),
          timestamp('queued_at'),
          timestamp('closed_at', true),
        ],
        foreignKeys: [
          { columnNames: ['application_id'], referencedTableName: 'applications', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['determination_id'], referencedTableName: 'determinations', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [
          new TableIndex({ name: 'ix_review_items_status_queued', columnNames: ['status', 'queued_at', 'id'] }),
          new TableIndex({ name: 'ix_review_items_application', columnNames: ['application_id', 'status'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'decisions',
        columns: [
          id('id', true),
          id('application_id'),
          id('review_item_id'),
          id('determination_id'),
          text('decision', 16),
          text('reason', 2000),
          text('decided_by', 128),
          timestamp('decided_at'),
        ],
        foreignKeys: [
          { columnNames: ['review_item_id'], referencedTableName: 'review_items', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['application_id'], referencedTableName: 'applications', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [
          new TableIndex({ name: 'ux_decisions_review_item', columnNames: ['review_item_id'], isUnique: true }),
          new TableIndex({ name: 'ix_decisions_application', columnNames: ['application_id', 'decided_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          integer('sequence', false, true),
          timestamp('at'),
          text('actor', 128),
          text('role', 16),
          text('action', 40),
          { ...id('application_id'), isNullable: true },
          text('correlation_id', 64),
          text('outcome', 40),
          text('previous_hash', 64),
          text('hash', 64),
        ],
        indices: [
          new TableIndex({ name: 'ix_audit_application', columnNames: ['application_id', 'sequence'] }),
          new TableIndex({ name: 'ix_audit_actor', columnNames: ['actor', 'sequence'] }),
          new TableIndex({ name: 'ix_audit_at', columnNames: ['at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'decisions', 'review_items']) await queryRunner.dropTable(table);
  }
}
