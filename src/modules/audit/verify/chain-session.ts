import type { SealedEvent } from '../audit-chain.js';

/**
 * A read of the sealed chain below any ORM, used by the service's verify and by the offline
 * `npm run audit:verify` alike: a real cursor on PostgreSQL, keyset slices on SQLite; only the
 * columns the hash needs, rows as arrays.
 */
export interface ChainSession {
  /** The sealed event at `sequence`, or null if there is none. */
  eventAt(sequence: number): Promise<SealedEvent | null>;
  /** Reads the sealed events after `sequence`, in order. */
  read(after: number): ChainReader;
}

export interface ChainReader {
  /** The next events, at most `limit`; empty at the end. */
  next(limit: number): Promise<SealedEvent[]>;
}

/** The subset of `pg`'s client this needs. */
export interface PgClient {
  query(query: { text: string; values?: unknown[]; rowMode?: 'array' }): Promise<{ rows: unknown[][] }>;
}

/** The subset of a better-sqlite3 database this needs. */
export interface SqliteDatabase {
  prepare(sql: string): { raw(toggle?: boolean): { all(...parameters: unknown[]): unknown[] } };
}

const COLUMNS = 'sequence, at, actor, role, action, application_id, correlation_id, outcome, previous_hash, hash';

function eventOf(row: unknown[]): SealedEvent {
  return {
    sequence: Number(row[0]),
    at: row[1] as string,
    actor: row[2] as string,
    role: row[3] as string,
    action: row[4] as string,
    applicationId: row[5] as string | null,
    correlationId: row[6] as string,
    outcome: row[7] as string,
    previousHash: row[8] as string,
    hash: row[9] as string,
  };
}

/**
 * PostgreSQL, on a client of its own: everything read in one REPEATABLE READ snapshot (the
 * caller's `work` runs inside it), the events through a server-side cursor, so that a million
 * rows stream in slices without ever being held at once or re-sorted.
 */
export async function withPostgresChain<T>(client: PgClient, work: (session: ChainSession) => Promise<T>): Promise<T> {
  await client.query({ text: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' });
  let cursors = 0;
  const session: ChainSession = {
    async eventAt(sequence) {
      const { rows } = await client.query({
        text: `SELECT ${COLUMNS} FROM audit_events WHERE sequence = $1`,
        values: [sequence],
        rowMode: 'array',
      });
      return rows.length ? eventOf(rows[0]) : null;
    },
    read(after) {
      const name = `audit_chain_${++cursors}`;
      const declared = client.query({
        text: `DECLARE ${name} NO SCROLL CURSOR FOR SELECT ${COLUMNS} FROM audit_events WHERE sequence > $1 ORDER BY sequence`,
        values: [after],
      });
      return {
        async next(limit) {
          await declared;
          const { rows } = await client.query({ text: `FETCH FORWARD ${Math.floor(limit)} FROM ${name}`, rowMode: 'array' });
          return rows.map(eventOf);
        },
      };
    },
  };
  try {
    return await work(session);
  } finally {
    await client.query({ text: 'ROLLBACK' });
  }
}

/**
 * SQLite: slices by sequence (keyset), each one statement run through `turn`. The service's
 * connection is shared by every request, so a cursor left open across awaits would block it,
 * and a read between the statements of another's transaction would see that transaction's
 * uncommitted rows: `turn` runs each slice between transactions. Sealed rows never change, so
 * slices read at different moments still make one chain.
 */
export function sqliteChain(database: SqliteDatabase, turn: <T>(read: () => T) => Promise<T> = async (read) => read()): ChainSession {
  // Keyed by (sequence, id) rather than sequence alone, so that a duplicated sequence (its unique index dropped) still shows.
  const slice = database
    .prepare(`SELECT ${COLUMNS}, id FROM audit_events WHERE sequence > ? OR (sequence = ? AND id > ?) ORDER BY sequence, id LIMIT ?`)
    .raw(true);
  const one = database.prepare(`SELECT ${COLUMNS} FROM audit_events WHERE sequence = ?`).raw(true);
  return {
    async eventAt(sequence) {
      const rows = (await turn(() => one.all(sequence))) as unknown[][];
      return rows.length ? eventOf(rows[0]) : null;
    },
    read(after) {
      let last: [sequence: number, id: number] = [after, Number.MAX_SAFE_INTEGER];
      return {
        async next(limit) {
          const rows = (await turn(() => slice.all(last[0], last[0], last[1], Math.floor(limit)))) as unknown[][];
          if (rows.length) last = [Number(rows[rows.length - 1][0]), Number(rows[rows.length - 1][10])];
          return rows.map(eventOf);
        },
      };
    },
  };
}
