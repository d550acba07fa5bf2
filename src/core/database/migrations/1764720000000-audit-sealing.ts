import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, integer, text, timestamp } from './columns.js';

const CONTENT = ['at', 'actor', 'role', 'action', 'application_id', 'correlation_id', 'outcome'];
const SEAL = ['sequence', 'previous_hash', 'hash'];
const INDEXES = ['ix_audit_application', 'ix_audit_actor', 'ix_audit_at'];
const SEALED = 'sequence IS NOT NULL';
const SEALED_NOT = 'sequence IS NULL';

/**
 * Audit events are written unsealed and sealed later by one sealer: the table gets a generated
 * id as its key, and `sequence` and the hashes become nullable, set once. Existing (sealed)
 * rows are copied over unchanged, each with its sequence as its id. Triggers then refuse
 * whatever would rewrite the log: a sealed row inserted directly, any change of a sealed row,
 * any change of an unsealed row but the setting of its seal, DELETE and TRUNCATE. Signed
 * checkpoints get a table of their own, append-only too, and the newest verified point of the
 * chain one more, outside the table it vouches for.
 */
export class AuditSealing1764720000000 implements MigrationInterface {
  name = 'AuditSealing1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = isPostgres(queryRunner);
    for (const index of INDEXES) await queryRunner.dropIndex('audit_events', index);
    await queryRunner.renameTable('audit_events', 'audit_events_unkeyed');
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          // SQLite's rowid alias must be declared exactly `integer`; PostgreSQL's bigserial outlives any log.
          { name: 'id', type: postgres ? 'bigint' : 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          integer('sequence', true),
          timestamp('at'),
          text('actor', 128),
          text('role', 16),
          text('action', 40),
          { ...id('application_id'), isNullable: true },
          text('correlation_id', 64),
          text('outcome', 2000),
          text('previous_hash', 64, true),
          text('hash', 64, true),
        ],
        // Every index but the key covers either the unsealed rows (what the sealer reads, oldest
        // first) or the sealed ones (what is listed and verified), so that a writer's INSERT
        // touches two indexes, and the sealer's UPDATE moves the row from the one set to the other.
        indices: [
          new TableIndex({ name: 'ix_audit_unsealed', columnNames: ['id'], where: SEALED_NOT }),
          new TableIndex({ name: 'ux_audit_sequence', columnNames: ['sequence'], isUnique: true, where: SEALED }),
          new TableIndex({ name: 'ix_audit_application', columnNames: ['application_id', 'sequence'], where: SEALED }),
          new TableIndex({ name: 'ix_audit_actor', columnNames: ['actor', 'sequence'], where: SEALED }),
          new TableIndex({ name: 'ix_audit_at', columnNames: ['at'], where: SEALED }),
        ],
      }),
    );
    const columns = [...CONTENT, ...SEAL].join(', ');
    await queryRunner.query(
      `INSERT INTO audit_events (id, ${columns}) SELECT sequence, ${columns} FROM audit_events_unkeyed ORDER BY sequence`,
    );
    if (postgres) {
      await queryRunner.query(
        `SELECT setval(pg_get_serial_sequence('audit_events', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM audit_events`,
      );
    }
    await queryRunner.dropTable('audit_events_unkeyed');

    await queryRunner.createTable(
      new Table({
        name: 'audit_checkpoints',
        columns: [
          id('id', true),
          text('origin', 200),
          integer('sequence'),
          text('hash', 64),
          timestamp('at'),
          text('kid', 64),
          { name: 'jws', type: 'text' },
        ],
        indices: [new TableIndex({ name: 'ux_audit_checkpoints_sequence', columnNames: ['sequence'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_verified_points',
        columns: [{ ...text('name', 16), isPrimary: true }, integer('sequence'), text('hash', 64), timestamp('verified_at')],
      }),
    );
    for (const statement of auditGuards(postgres).create) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = isPostgres(queryRunner);
    for (const statement of auditGuards(postgres).drop) await queryRunner.query(statement);
    await queryRunner.dropTable('audit_verified_points');
    await queryRunner.dropTable('audit_checkpoints');
    for (const index of ['ux_audit_sequence', 'ix_audit_unsealed', ...INDEXES]) await queryRunner.dropIndex('audit_events', index);
    await queryRunner.renameTable('audit_events', 'audit_events_keyed');
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
          text('outcome', 2000),
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
    // Events not yet sealed have no place in the old chain: reverting loses them (seal first).
    const columns = [...CONTENT, ...SEAL].join(', ');
    await queryRunner.query(`INSERT INTO audit_events (${columns}) SELECT ${columns} FROM audit_events_keyed WHERE sequence IS NOT NULL`);
    await queryRunner.dropTable('audit_events_keyed');
  }
}

const isPostgres = (queryRunner: QueryRunner) => queryRunner.connection.options.type === 'postgres';

/** The triggers that keep the audit tables append-only: the statements that create them, and those that drop them. */
export function auditGuards(postgres: boolean): { create: string[]; drop: string[] } {
  return postgres ? { create: postgresTriggers(), drop: dropPostgresTriggers() } : { create: sqliteTriggers(), drop: dropSqliteTriggers() };
}

const sealed = (row: 'OLD' | 'NEW') => SEAL.map((column) => `${row}.${column} IS NOT NULL`).join(' OR ');
const unsealed = (row: 'OLD' | 'NEW') => SEAL.map((column) => `${row}.${column} IS NULL`).join(' OR ');

/** When an UPDATE is anything but the one-time setting of an unsealed row's seal. */
const POSTGRES_NOT_A_SEAL =
  `${sealed('OLD')} OR ${unsealed('NEW')} OR ` +
  `(NEW.id, ${CONTENT.map((column) => `NEW.${column}`).join(', ')}) IS DISTINCT FROM (OLD.id, ${CONTENT.map((column) => `OLD.${column}`).join(', ')})`;
const SQLITE_NOT_A_SEAL = `${sealed('OLD')} OR ${unsealed('NEW')} OR ${['id', ...CONTENT].map((column) => `NEW.${column} IS NOT OLD.${column}`).join(' OR ')}`;

function postgresTriggers(): string[] {
  return [
    `CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER audit_events_insert_unsealed BEFORE INSERT ON audit_events FOR EACH ROW WHEN (${sealed('NEW')}) EXECUTE FUNCTION audit_refuse_change()`,
    `CREATE TRIGGER audit_events_seal_once BEFORE UPDATE ON audit_events FOR EACH ROW WHEN (${POSTGRES_NOT_A_SEAL}) EXECUTE FUNCTION audit_refuse_change()`,
    `CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
    `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
    `CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
    `CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
  ];
}

function dropPostgresTriggers(): string[] {
  return [
    ...['insert_unsealed', 'seal_once', 'no_delete', 'no_truncate'].map(
      (name) => `DROP TRIGGER IF EXISTS audit_events_${name} ON audit_events`,
    ),
    ...['no_change', 'no_truncate'].map((name) => `DROP TRIGGER IF EXISTS audit_checkpoints_${name} ON audit_checkpoints`),
    'DROP FUNCTION IF EXISTS audit_refuse_change()',
  ];
}

/** SQLite has no TRUNCATE: its `DELETE FROM` without a WHERE fires the DELETE trigger like any other. */
function sqliteTriggers(): string[] {
  const refuse = (what: string) => `BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: ${what} refused'); END`;
  return [
    `CREATE TRIGGER audit_events_insert_unsealed BEFORE INSERT ON audit_events WHEN ${sealed('NEW')} ${refuse('INSERT of a sealed event')}`,
    `CREATE TRIGGER audit_events_seal_once BEFORE UPDATE ON audit_events WHEN ${SQLITE_NOT_A_SEAL} ${refuse('UPDATE on audit_events')}`,
    `CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events ${refuse('DELETE on audit_events')}`,
    `CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints ${refuse('UPDATE on audit_checkpoints')}`,
    `CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints ${refuse('DELETE on audit_checkpoints')}`,
  ];
}

function dropSqliteTriggers(): string[] {
  return [
    'audit_events_insert_unsealed',
    'audit_events_seal_once',
    'audit_events_no_delete',
    'audit_checkpoints_no_update',
    'audit_checkpoints_no_delete',
  ].map((name) => `DROP TRIGGER IF EXISTS ${name}`);
}
