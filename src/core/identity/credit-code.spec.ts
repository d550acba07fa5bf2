import { creditCodeCheckCharacter, isValidCreditCode } from './credit-code.js';

describe('creditCodeCheckCharacter', () => {
  it('computes the published check character of a known code', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('maps a remainder of 0 to the check character 0, not to 31', () => {
    // 17 zeros weigh nothing: 31 - 0 = 31, which GB 32100 writes as 0.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it('refuses characters outside the alphabet and wrong lengths', () => {
    expect(() => creditCodeCheckCharacter('91350100M000100O4')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('91350100M000100Y')).toThrow(RangeError);
  });
});

describe('isValidCreditCode', () => {
  it('accepts a known valid code', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('accepts a code whose check character is a letter', () => {
    const first17 = '92542521MA9900001';
    const check = creditCodeCheckCharacter(first17);
    expect(isValidCreditCode(first17 + check)).toBe(true);
  });

  it.each([
    ['a wrong check character', '91350100M000100Y44'],
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y430'],
    ['lower case', '91350100m000100y43'],
    ['a letter in the region code', '9135A100M000100Y43'],
    ['a letter left out of the alphabet (I)', '91350100M000100I43'],
  ])('refuses %s', (_label, value) => {
    expect(isValidCreditCode(value)).toBe(false);
  });
});
