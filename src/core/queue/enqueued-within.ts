/**
 * Waits at most `ms` for an enqueue; answers the error instead of throwing it. A record that
 * is already stored must not fail its caller because Redis is slow or down: the sweeper
 * enqueues it later, and the late enqueue (if it ever settles) is harmless.
 */
export async function enqueuedWithin(enqueue: Promise<unknown>, ms: number): Promise<Error | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not take the job in time')), ms);
  });
  try {
    await Promise.race([enqueue, timeout]);
    return null;
  } catch (error) {
    enqueue.catch(() => undefined);
    return error as Error;
  } finally {
    clearTimeout(timer);
  }
}
