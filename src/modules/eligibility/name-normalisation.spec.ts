import { normaliseName, sameName } from './name-normalisation.js';

describe('sameName', () => {
  it.each([
    ['阿·扎西', '阿扎西'], // U+00B7 middle dot
    ['阿•扎西', '阿扎西'], // U+2022 bullet
    ['阿‧扎西', '阿扎西'], // U+2027 hyphenation point
    ['阿・扎西', '阿扎西'], // U+30FB katakana middle dot
    ['阿･扎西', '阿扎西'], // U+FF65, which NFKC turns into U+30FB
    ['ＤＯＲＪＥ', 'DORJE'],
    ['卓 玛', '卓玛'],
    ['卓\u3000玛', '卓玛'],
    ['\t卓\u00A0玛\n', '卓玛'],
  ])('%j and %j are the same name', (declared, registered) => {
    expect(sameName(declared, registered)).toBe(true);
  });

  it.each([
    ['卓玛', '卓嘎'],
    ['阿-扎西', '阿扎西'],
    ['DORJE', 'Dorje'],
  ])('%j and %j are different names', (declared, registered) => {
    expect(sameName(declared, registered)).toBe(false);
  });

  it('normalises to the compared form', () => {
    expect(normaliseName(' Ｔｓｅｒｉｎｇ · 次仁 ')).toBe('Tsering次仁');
  });
});
