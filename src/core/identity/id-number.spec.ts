import { idNumberCheckCharacter, idNumberProblem, normaliseIdNumber } from './id-number.js';

const TODAY = '2026-11-28';

describe('idNumberCheckCharacter', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['54252119850315901', '7'],
  ])('%s → %s', (first17, check) => {
    expect(idNumberCheckCharacter(first17)).toBe(check);
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idNumberCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckCharacter('1101051949123100A')).toThrow(RangeError);
  });
});

describe('normaliseIdNumber', () => {
  it('upper-cases a final x and leaves everything else alone', () => {
    expect(normaliseIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(normaliseIdNumber('11010519491231002X')).toBe('11010519491231002X');
    expect(normaliseIdNumber(' 110105194912310024 ')).toBe(' 110105194912310024 ');
  });
});

describe('idNumberProblem', () => {
  it.each(['11010519491231002X', '440524188001010014', '542521198503159017'])('accepts %s', (value) => {
    expect(idNumberProblem(value, TODAY)).toBeNull();
  });

  it('accepts a lower-case check character x', () => {
    expect(idNumberProblem('11010519491231002x', TODAY)).toBeNull();
  });

  it('accepts a birth date of today', () => {
    const first17 = '54252120261128901';
    expect(idNumberProblem(first17 + idNumberCheckCharacter(first17), TODAY)).toBeNull();
  });

  it.each([
    ['17 characters', '11010519491231002', 'must be 18 characters'],
    ['19 characters', '11010519491231002X1', 'must be 18 characters'],
    ['a letter inside', '1101051949123A002X', 'must be 17 digits followed by a digit or X'],
    ['a check letter other than X', '11010519491231002Y', 'must be 17 digits followed by a digit or X'],
    ['spaces around it', ' 11010519491231002X', 'must be 18 characters'],
    ['a wrong check character', '110105194912310021', 'has a wrong check character'],
    ['an upper-case X where a digit belongs', '44052418800101001X', 'has a wrong check character'],
  ])('refuses %s', (_label, value, message) => {
    expect(idNumberProblem(value, TODAY)).toBe(message);
  });

  it.each([
    ['February 30', '19990230'],
    ['February 29 of a common year', '19990229'],
    ['month 13', '19991301'],
    ['month 00', '19990001'],
    ['day 00', '19990100'],
    ['April 31', '19990431'],
  ])('refuses an impossible birth date: %s', (_label, birthDate) => {
    const first17 = `542521${birthDate}901`;
    expect(idNumberProblem(first17 + idNumberCheckCharacter(first17), TODAY)).toBe('contains an impossible birth date');
  });

  it('accepts February 29 of a leap year', () => {
    const first17 = '54252120000229902';
    expect(idNumberProblem(first17 + idNumberCheckCharacter(first17), TODAY)).toBeNull();
  });

  it('refuses a birth date after today', () => {
    const first17 = '54252120261129901';
    expect(idNumberProblem(first17 + idNumberCheckCharacter(first17), TODAY)).toBe('contains a birth date in the future');
  });

  it('never repeats the value in its message', () => {
    for (const value of ['110105194912310021', '1101051949123100', '542521199902309014']) {
      const problem = idNumberProblem(value, TODAY);
      expect(problem).not.toBeNull();
      expect(problem).not.toContain(value.slice(0, 6));
    }
  });

  it('counts the birth date against today in Asia/Shanghai by default', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
  });
});
