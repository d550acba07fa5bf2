/**
 * RFC 3339 date-times as query parameters take them: a full date, `T`, a time with seconds,
 * at most nine fraction digits, and a UTC offset (`Z` or ±hh:mm); `T` and `Z` in either case,
 * as RFC 3339 allows. Seconds run 00–59 (no leap second). Anything else, ISO 8601's other
 * forms included (week dates, ordinal dates, no offset), is refused: `new Date()` reads some
 * of them and not others, and one it cannot read once reached the database as a 500.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** How the API documentation states that form, on every date-time query parameter. */
export const DATE_TIME_QUERY_DOC = {
  format: 'date-time',
  pattern: DATE_TIME.source,
  note: 'An RFC 3339 date-time with a UTC offset, `Z` or ±hh:mm (`2026-11-28T10:00:00Z`, `2026-11-28T18:00:00.250+08:00`): seconds required, at most nine fraction digits, no leap second. Other ISO 8601 forms (a date alone, a week date, no offset) are refused with 400 naming the parameter.',
} as const;

/** The earliest and latest instants a stored timestamp (ISO 8601 UTC text) can hold. */
const EARLIEST = '0000-01-01T00:00:00.000Z';
const LATEST = '9999-12-31T23:59:59.999Z';

/** The instant a date-time names, in milliseconds since the epoch; null unless it is one of the forms above and a real time. */
export function parseDateTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = DATE_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const [fraction = '', utc, sign, offsetHour = '0', offsetMinute = '0'] = match.slice(7);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || Number(offsetHour) > 23 || Number(offsetMinute) > 59) return null;
  const local = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
  const offsetMs = utc ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHour) * 60 + Number(offsetMinute)) * 60_000;
  return local.getTime() - offsetMs;
}

/**
 * The instant as the database stores timestamps (ISO 8601 UTC, comparable as text), held to
 * the years 0000–9999 that such text orders correctly: an offset can push a date-time just
 * beyond them. Null for a value `parseDateTime` refuses.
 */
export function toStoredInstant(value: unknown): string | null {
  const instant = parseDateTime(value);
  if (instant === null) return null;
  if (instant < Date.parse(EARLIEST)) return EARLIEST;
  if (instant > Date.parse(LATEST)) return LATEST;
  return new Date(instant).toISOString();
}

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
