import { isCalendarDate } from '../time/calendar-date.js';
import { shanghaiDate } from '../time/clock.js';

/**
 * Resident identity numbers (公民身份号码, GB 11643): a 6-digit region code, the birth date
 * as YYYYMMDD, a 3-digit sequence whose parity gives the sex, and a check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('an identity number check character needs exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** People write the check character X in lower case; the registries use upper case only. */
export function normaliseIdNumber(value: string): string {
  return value.endsWith('x') ? `${value.slice(0, -1)}X` : value;
}

/**
 * Why `value` is not a valid identity number, or null when it is. A final lower-case `x` is
 * accepted. The message never repeats the value, so that it may go into a validation error
 * or a log. `today` (YYYY-MM-DD, Asia/Shanghai by default) bounds the birth date.
 */
export function idNumberProblem(value: string, today: string = shanghaiDate(new Date())): string | null {
  const idNumber = normaliseIdNumber(value);
  if (idNumber.length !== 18) return 'must be 18 characters';
  if (!SHAPE.test(idNumber)) return 'must be 17 digits followed by a digit or X';
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isCalendarDate(birthDate)) return 'contains an impossible birth date';
  if (birthDate > today) return 'contains a birth date in the future';
  if (idNumberCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return 'has a wrong check character';
  return null;
}
