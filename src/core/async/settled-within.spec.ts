import { settledWithin } from './settled-within.js';

describe('settledWithin', () => {
  afterEach(() => jest.useRealTimers());

  it('answers the value of work that settles in time', async () => {
    await expect(settledWithin(Promise.resolve(7), 1000)).resolves.toEqual({ status: 'fulfilled', value: 7 });
  });

  it('answers the reason of work that fails in time, without throwing it', async () => {
    const refused = new Error('refused');
    await expect(settledWithin(Promise.reject(refused), 1000)).resolves.toEqual({ status: 'rejected', reason: refused });
  });

  it('gives up exactly when the wait is over, and a late failure goes unnoticed', async () => {
    jest.useFakeTimers();
    let fail!: (error: Error) => void;
    const work = new Promise<number>((_, reject) => (fail = reject));
    let answer: unknown;
    void settledWithin(work, 200).then((result) => (answer = result));
    await jest.advanceTimersByTimeAsync(199);
    expect(answer).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(answer).toEqual({ status: 'timed-out' });
    fail(new Error('late'));
    await jest.advanceTimersByTimeAsync(0);
    expect(jest.getTimerCount()).toBe(0);
  });
});
