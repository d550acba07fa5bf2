/**
 * Whether an error means the database could not be reached or did not answer in time, as
 * opposed to refusing a statement: the client gets a 503 ("try again") for these, not a 500.
 * pg raises socket errors and its own connection messages bare; TypeORM wraps statement
 * errors in a QueryFailedError whose `driverError` holds pg's (or SQLite's) error.
 */
export function databaseUnavailable(error: unknown): boolean {
  const driverError = (error as { driverError?: unknown } | null)?.driverError;
  return isUnavailable(error) || (driverError !== undefined && isUnavailable(driverError));
}

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** SQLSTATE codes: shutdown, not accepting connections, too many connections, statement timeout. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);

/** pg and pg-pool raise these without a code. */
const CLIENT_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Query read timeout/,
];

/** Judged by shape, not `instanceof Error`: socket errors can come from another realm (Jest's sandbox). */
function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string') {
    // Class 08: connection exceptions. SQLITE_BUSY: the file stayed locked past busy_timeout.
    if (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || code === 'SQLITE_BUSY') return true;
  }
  // An AggregateError: every address of a host name refused.
  if (Array.isArray(errors) && errors.some(isUnavailable)) return true;
  return typeof message === 'string' && CLIENT_MESSAGES.some((pattern) => pattern.test(message));
}
