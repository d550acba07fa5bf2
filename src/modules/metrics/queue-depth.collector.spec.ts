import { readQueueDepths } from './queue-depth.collector.js';

describe('readQueueDepths', () => {
  afterEach(() => jest.useRealTimers());

  it('gives up on a queue whose counts do not come within the timeout, exactly then, and keeps the others', async () => {
    jest.useFakeTimers();
    const counts = { waiting: 1, active: 0, delayed: 0, prioritized: 0, 'waiting-children': 0, failed: 0 };
    const silent = { name: 'Silent', getJobCounts: () => new Promise<Record<string, number>>(() => undefined) };
    const live = { name: 'Live', getJobCounts: async () => counts };
    let settled = false;
    const read = readQueueDepths([silent, live], 300).finally(() => (settled = true));

    await jest.advanceTimersByTimeAsync(299);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(read).resolves.toEqual([
      { queue: 'Silent', counts: undefined },
      { queue: 'Live', counts },
    ]);
  });

  it('leaves out a queue whose read fails, without waiting for the timeout', async () => {
    jest.useFakeTimers();
    const failing = { name: 'Failing', getJobCounts: async () => Promise.reject(new Error('connection closed')) };
    await expect(readQueueDepths([failing], 60_000)).resolves.toEqual([{ queue: 'Failing', counts: undefined }]);
  });
});
