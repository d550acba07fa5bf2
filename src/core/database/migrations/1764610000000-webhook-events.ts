import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, integer, text, timestamp } from './columns.js';

/** Webhook events: one per determination or decision announced, with how its delivery ended. */
export class WebhookEvents1764610000000 implements MigrationInterface {
  name = 'WebhookEvents1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'webhook_events',
        columns: [
          id('id', true),
          text('type', 24),
          id('subject_id'),
          text('correlation_id', 64),
          text('status', 16),
          integer('attempts'),
          integer('response_status', true),
          timestamp('created_at'),
          timestamp('finished_at', true),
        ],
        // The sweeper reads pending events oldest first.
        indices: [new TableIndex({ name: 'ix_webhook_events_status_created', columnNames: ['status', 'created_at', 'id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webhook_events');
  }
}
