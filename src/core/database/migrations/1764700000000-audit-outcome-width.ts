import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { text } from './columns.js';

/**
 * An audit event's outcome may be longer: a read of the audit log records the filters it used
 * there. TypeORM's changeColumn drops and re-adds a PostgreSQL column whose length changes,
 * which would empty every outcome: PostgreSQL's own ALTER COLUMN TYPE keeps the values. On
 * SQLite, changeColumn rebuilds the table, copying every row (nothing refers to audit events).
 */
export class AuditOutcomeWidth1764700000000 implements MigrationInterface {
  name = 'AuditOutcomeWidth1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await widen(queryRunner, 2000);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Cutting an outcome short would break the chain's hashes: refuse instead.
    const [row] = await queryRunner.query('SELECT COUNT(*) AS n FROM audit_events WHERE LENGTH(outcome) > 40');
    if (Number(row.n) > 0) throw new Error(`${row.n} audit events have an outcome longer than 40 characters; not narrowing the column`);
    await widen(queryRunner, 40);
  }
}

async function widen(queryRunner: QueryRunner, length: number): Promise<void> {
  if (queryRunner.connection.options.type === 'postgres') {
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "outcome" TYPE varchar(${length})`);
  } else {
    await queryRunner.changeColumn('audit_events', 'outcome', new TableColumn(text('outcome', length)));
  }
}
