import { MicroBatcher } from './micro-batcher.js';

describe('MicroBatcher', () => {
  afterEach(() => jest.useRealTimers());

  it('does the items added in one turn of the event loop as one batch, each caller getting its own result', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher(async (items: number[]) => (batches.push(items), items.map((item) => item * 10)), {
      maxItems: 100,
      lingerMs: 0,
    });
    await expect(Promise.all([1, 2, 3].map((item) => batcher.add(item)))).resolves.toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('waits the linger for more, and takes at most maxItems a batch', async () => {
    jest.useFakeTimers();
    const batches: number[][] = [];
    const batcher = new MicroBatcher(async (items: number[]) => (batches.push(items), items), { maxItems: 3, lingerMs: 20 });
    const first = batcher.add(1);
    await jest.advanceTimersByTimeAsync(19);
    expect(batches).toEqual([]);
    const more = [2, 3, 4, 5].map((item) => batcher.add(item));
    await jest.advanceTimersByTimeAsync(1);
    await Promise.all([first, ...more]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('gathers what comes while a batch runs into the next', async () => {
    let release!: () => void;
    const batches: number[][] = [];
    const batcher = new MicroBatcher(
      async (items: number[]) => {
        batches.push(items);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return items;
      },
      { maxItems: 100, lingerMs: 0 },
    );
    const first = batcher.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [2, 3].map((item) => batcher.add(item));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('tries a failed batch item by item when told to, so that one poison item fails alone', async () => {
    const batcher = new MicroBatcher(
      async (items: number[]) => {
        if (items.includes(2)) throw new Error('poison');
        return items;
      },
      { maxItems: 100, lingerMs: 0, isolate: (error) => (error as Error).message === 'poison' },
    );
    const outcomes = await Promise.allSettled([1, 2, 3].map((item) => batcher.add(item)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails every item at once with an error that would fail each alike', async () => {
    const down = new Error('database unavailable');
    let calls = 0;
    const batcher = new MicroBatcher(
      async () => {
        calls += 1;
        throw down;
      },
      { maxItems: 100, lingerMs: 0, isolate: (error) => error !== down },
    );
    const outcomes = await Promise.allSettled([1, 2, 3].map((item) => batcher.add(item)));
    expect(outcomes).toEqual([1, 2, 3].map(() => ({ status: 'rejected', reason: down })));
    expect(calls).toBe(1);
  });
});
