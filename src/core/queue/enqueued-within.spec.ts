import { enqueuedWithin } from './enqueued-within.js';

describe('enqueuedWithin', () => {
  afterEach(() => jest.useRealTimers());

  it('answers null once the enqueue settles in time', async () => {
    await expect(enqueuedWithin(Promise.resolve('job'), 1000)).resolves.toBeNull();
  });

  it('answers the error of an enqueue that fails, without throwing it', async () => {
    const refused = new Error('connection refused');
    await expect(enqueuedWithin(Promise.reject(refused), 1000)).resolves.toBe(refused);
  });

  it('gives up on an enqueue that hangs exactly when the wait is over', async () => {
    jest.useFakeTimers();
    let answer: Error | null | undefined;
    void enqueuedWithin(new Promise(() => undefined), 200).then((error) => (answer = error));
    await jest.advanceTimersByTimeAsync(199);
    expect(answer).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(answer).toMatchObject({ message: 'Redis did not take the job in time' });
  });
});
