/** How a piece of work ended when a caller waited for it at most some time. */
export type SettledWithin<T> = { status: 'fulfilled'; value: T } | { status: 'rejected'; reason: unknown } | { status: 'timed-out' };

/**
 * Waits at most `ms` for `work`; answers how it ended instead of throwing. The timer is cleared
 * either way, and a rejection that comes after the wait is over is swallowed: nobody waits
 * for it any more.
 */
export async function settledWithin<T>(work: Promise<T>, ms: number): Promise<SettledWithin<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<SettledWithin<T>>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'timed-out' }), ms);
  });
  const settled = work.then(
    (value): SettledWithin<T> => ({ status: 'fulfilled', value }),
    (reason: unknown): SettledWithin<T> => ({ status: 'rejected', reason }),
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
