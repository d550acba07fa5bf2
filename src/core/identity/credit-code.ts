/**
 * Unified social credit codes (统一社会信用代码, GB 32100): registration authority, entity
 * type, 6-digit region code, 9-character organisation code, check character. The alphabet
 * leaves out I, O, S, V and Z, which are too easily read as digits.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character (MOD 31) of the first 17 characters. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError('a credit code check character needs exactly 17 characters');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError('a credit code has a character outside its alphabet');
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(value: string): boolean {
  return SHAPE.test(value) && creditCodeCheckCharacter(value.slice(0, 17)) === value[17];
}
