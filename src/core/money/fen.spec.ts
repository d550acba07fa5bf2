import { divideRoundHalfUp, multiplyToFen, yuanTextToFen } from './fen.js';

describe('yuanTextToFen', () => {
  it.each([
    ['5315', 531500],
    ['600.5', 60050],
    ['0.01', 1],
    ['0', 0],
    ['.5', 50],
    ['12.', 1200],
    ['1.005', 101], // 1.005 * 100 is 100.49999999999999 in floating point
    ['2.675', 268],
    ['0.0049', 0],
    ['0.005', 1],
    ['100000.015', 10000002],
    ['1e-7', 0],
    ['5e-3', 1],
    ['1E+3', 100000],
    ['9007199254740.99', 900719925474099],
    ['1e+21', 1e23],
  ])('%s yuan is %d fen', (text, fen) => {
    expect(yuanTextToFen(text)).toBe(fen);
  });

  it.each(['', '-1', 'abc', '1,000', ' 1', 'NaN', 'Infinity', '0x10', '1e', '+1'])('refuses %j', (text) => {
    expect(() => yuanTextToFen(text)).toThrow(RangeError);
  });
});

describe('multiplyToFen', () => {
  it.each([
    ['500000', '0.3', 15000000],
    ['333333.35', '0.3', 10000001], // exactly 100000.005 yuan; floating point gives 10000000.499999998 fen
    ['333333.33', '0.3', 10000000],
    ['200000.01', '0.5', 10000001],
    ['100000', '1', 10000000],
    ['1000', '0.01', 1000],
    ['0.01', '0.5', 1],
    ['0.01', '0.49', 0],
    ['1e+3', '1e-1', 10000],
    ['123456.78', '0', 0],
  ])('%s yuan × %s is %d fen', (yuan, ratio, fen) => {
    expect(multiplyToFen(yuan, ratio)).toBe(fen);
  });

  it('refuses a ratio that is not decimal text', () => {
    expect(() => multiplyToFen('100', '30%')).toThrow(RangeError);
  });
});

describe('divideRoundHalfUp', () => {
  it.each([
    [531500, 12, 44292],
    [513500, 12, 42792],
    [1331700, 12, 110975],
    [197999, 2, 99000],
    [197998, 2, 98999],
    [5, 2, 3],
    [4, 3, 1],
    [5, 3, 2],
    [0, 7, 0],
    [Number.MAX_SAFE_INTEGER, 2, 4503599627370496],
  ])('%d / %d is %d', (numerator, divisor, quotient) => {
    expect(divideRoundHalfUp(numerator, divisor)).toBe(quotient);
  });

  it.each([
    [-1, 2],
    [1, 0],
    [1.5, 2],
    [1, -2],
    [Number.MAX_SAFE_INTEGER + 1, 2],
  ])('refuses %d / %d', (numerator, divisor) => {
    expect(() => divideRoundHalfUp(numerator, divisor)).toThrow(RangeError);
  });
});
