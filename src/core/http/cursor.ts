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

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
