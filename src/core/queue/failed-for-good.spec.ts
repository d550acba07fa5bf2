import { failedForGood } from './failed-for-good.js';

describe('failedForGood', () => {
  const job = (attemptsMade: number, attempts?: number) => ({ attemptsMade, opts: { attempts } });

  it.each([
    ['an attempt left', job(1, 3), 'Error', false],
    ['the last attempt', job(3, 3), 'Error', true],
    ['an unrecoverable error with attempts left', job(1, 3), 'UnrecoverableError', true],
    ['a job of one attempt (no attempts option)', job(1), 'Error', true],
  ])('%s', (_case, failed, errorName, expected) => {
    expect(failedForGood(failed, Object.assign(new Error('x'), { name: errorName }))).toBe(expected);
  });
});
