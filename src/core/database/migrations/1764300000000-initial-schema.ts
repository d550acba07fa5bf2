import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, integer, text, timestamp } from './columns.js';

/** Applications, their members, verifications, source checks and determinations. */
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'applications',
        columns: [
          id('id', true),
          text('program', 40),
          text('region_code', 6),
          text('application_date', 10),
          text('status', 16),
          text('submitted_by', 128),
          text('idempotency_key', 200, true),
          text('request_sha256', 64),
          { ...id('current_verification_id'), isNullable: true },
          timestamp('created_at'),
          timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'ux_applications_idempotency', columnNames: ['submitted_by', 'idempotency_key'], isUnique: true }),
          new TableIndex({ name: 'ix_applications_created', columnNames: ['created_at', 'id'] }),
          new TableIndex({ name: 'ix_applications_submitter_created', columnNames: ['submitted_by', 'created_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'application_members',
        columns: [
          id('application_id', true),
          integer('position', false, true),
          text('name', 100),
          text('id_number', 18),
          text('relationship', 16),
          integer('declared_monthly_income_fen'),
          text('consent_document_ref', 64),
          text('consent_signed_on', 10),
          text('consent_signed_by', 8),
        ],
        foreignKeys: [
          { columnNames: ['application_id'], referencedTableName: 'applications', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [new TableIndex({ name: 'ix_members_id_number', columnNames: ['id_number'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'verifications',
        columns: [
          id('id', true),
          id('application_id'),
          integer('sequence'),
          text('policy_version', 40),
          text('status', 16),
          text('requested_by', 128),
          text('correlation_id', 64),
          timestamp('created_at'),
          timestamp('completed_at', true),
        ],
        foreignKeys: [
          { columnNames: ['application_id'], referencedTableName: 'applications', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [new TableIndex({ name: 'ux_verifications_sequence', columnNames: ['application_id', 'sequence'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'source_checks',
        columns: [
          id('verification_id', true),
          { ...text('source', 32), isPrimary: true },
          text('status', 16),
          integer('attempts'),
          text('failure', 24, true),
          { name: 'request_ids', type: 'text', isNullable: true },
          { name: 'answer', type: 'text', isNullable: true },
          text('answer_sha256', 64, true),
          timestamp('started_at', true),
          timestamp('finished_at', true),
          integer('duration_ms', true),
        ],
        foreignKeys: [
          { columnNames: ['verification_id'], referencedTableName: 'verifications', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'determinations',
        columns: [
          id('id', true),
          id('verification_id'),
          id('application_id'),
          text('outcome', 16),
          text('policy_version', 40),
          { name: 'evaluation', type: 'text' },
          timestamp('determined_at'),
        ],
        foreignKeys: [
          { columnNames: ['verification_id'], referencedTableName: 'verifications', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['application_id'], referencedTableName: 'applications', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [
          new TableIndex({ name: 'ux_determinations_verification', columnNames: ['verification_id'], isUnique: true }),
          new TableIndex({ name: 'ix_determinations_application', columnNames: ['application_id', 'determined_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['determinations', 'source_checks', 'verifications', 'application_members', 'applications']) {
      await queryRunner.dropTable(table);
    }
  }
}
