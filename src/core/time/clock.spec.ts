import { shanghaiDate } from './clock.js';

describe('shanghaiDate', () => {
  it('counts the date in Asia/Shanghai, eight hours ahead of UTC', () => {
    expect(shanghaiDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(shanghaiDate(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });
});
