import Big from 'big.js';

/**
 * Money is carried as integer fen (1 yuan = 100 fen). Registries and policy data give yuan
 * as decimal text, which is converted here exactly: a float multiplication such as
 * 600.07 * 100 would already be off by a fraction of a fen. Every rounding is half up.
 */

/** Plain or exponent decimal text, as registries and `String(number)` write it; never negative. */
const DECIMAL_TEXT = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseDecimal(text: string): Big {
  if (!DECIMAL_TEXT.test(text)) {
    throw new RangeError(`not a non-negative decimal text: "${text}"`);
  }
  return new Big(text);
}

/**
 * Rounds yuan to whole fen. Exact up to Number.MAX_SAFE_INTEGER fen (about 90 trillion yuan);
 * beyond that the nearest double, which still compares correctly against any allowance.
 */
function toFen(yuan: Big): number {
  const fen = Number(yuan.times(100).round(0, Big.roundHalfUp).toFixed(0));
  if (!Number.isFinite(fen)) {
    throw new RangeError(`amount out of range: ${yuan.toString()} yuan`);
  }
  return fen;
}

export function yuanTextToFen(text: string): number {
  return toFen(parseDecimal(text));
}

/** `yuanText × ratioText`, computed exactly in decimal and then rounded to the fen. */
export function multiplyToFen(yuanText: string, ratioText: string): number {
  return toFen(parseDecimal(yuanText).times(parseDecimal(ratioText)));
}

/** Integer division rounded half up, for non-negative integers (per-capita income, a twelfth of a year). */
export function divideRoundHalfUp(numerator: number, divisor: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0 || !Number.isSafeInteger(divisor) || divisor <= 0) {
    throw new RangeError(`divideRoundHalfUp needs a non-negative integer and a positive integer, got ${numerator} / ${divisor}`);
  }
  const remainder = numerator % divisor;
  const quotient = (numerator - remainder) / divisor;
  return remainder * 2 >= divisor ? quotient + 1 : quotient;
}
