import { DomainError } from '../errors/domain.error.js';

/** Opaque list cursors: the sort key of the last item, base64url-encoded. */
export function encodeCursor(key: object): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<T extends object>(cursor: string, isKey: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isKey(value)) return value;
  } catch {
    // fall through to the same answer as a well-formed but foreign cursor
  }
  throw DomainError.validation([{ path: 'cursor', message: 'cursor is not one this service gave out' }]);
}

const STORED_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The largest value of an `integer` column on PostgreSQL: a larger one is an error there, not an empty page. */
const MAX_INTEGER = 2_147_483_647;

/**
 * Checks for the fields of a cursor, exactly as this service writes them, so that a cursor put
 * together by hand (a number beyond the column's range, a string with U+0000) is a 400 and
 * never reaches the database.
 */
export const cursorField = {
  timestamp: (value: unknown): value is string => typeof value === 'string' && STORED_TIMESTAMP.test(value),
  uuid: (value: unknown): value is string => typeof value === 'string' && UUID.test(value),
  sequence: (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_INTEGER,
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
