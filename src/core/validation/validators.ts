import { registerDecorator, type ValidationOptions } from 'class-validator';
import { idNumberProblem } from '../identity/id-number.js';
import { isCalendarDate } from '../time/calendar-date.js';
import { parseDateTime } from '../time/date-time.js';

function define(
  name: string,
  test: (value: unknown) => boolean,
  message: string | ((value: unknown) => string),
  options?: ValidationOptions,
) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message: typeof message === 'string' ? message : undefined, ...options },
      validator: {
        validate: (value: unknown) => test(value),
        defaultMessage: (args) => (typeof message === 'string' ? message : message(args?.value)).replace('$property', args?.property ?? ''),
      },
    });
}

export const IsCalendarDate = (options?: ValidationOptions) =>
  define('isCalendarDate', isCalendarDate, '$property must be a calendar date written YYYY-MM-DD', options);

/** An RFC 3339 date-time with a UTC offset (see date-time.ts): the one form a date-time query parameter takes. */
export const IsDateTime = (options?: ValidationOptions) =>
  define(
    'isDateTime',
    (value) => parseDateTime(value) !== null,
    '$property must be an RFC 3339 date-time with a UTC offset, such as 2026-11-28T10:00:00Z or 2026-11-28T18:00:00+08:00',
    options,
  );

/** A yuan amount as JSON gives it: a finite number ≥ 0 with at most two decimals (no 1e-7). */
export const IsYuanAmount = (options?: ValidationOptions) =>
  define(
    'isYuanAmount',
    (value) => typeof value === 'number' && Number.isFinite(value) && /^\d+(\.\d{1,2})?$/.test(String(value)),
    '$property must be a number of yuan, at least 0, with at most two decimals',
    options,
  );

/** A resident identity number with a valid GB 11643 check character and birth date. */
export const IsIdNumber = (options?: ValidationOptions) =>
  define(
    'isIdNumber',
    (value) => typeof value === 'string' && idNumberProblem(value) === null,
    (value) =>
      `$property is not a valid resident identity number: ${typeof value === 'string' ? idNumberProblem(value) : 'it must be a string'}`,
    options,
  );

/**
 * A string of at most `max` characters as the database counts them (code points), with no
 * control characters. class-validator's length leaves out variation selectors (U+FE0F),
 * which the database counts.
 */
export const IsPlainText = (max: number, options?: ValidationOptions) =>
  define(
    'isPlainText',
    (value) => typeof value === 'string' && [...value].length <= max && !/[\u0000-\u001F\u007F-\u009F]/.test(value),
    `$property must be text of at most ${max} characters, without control characters`,
    options,
  );
