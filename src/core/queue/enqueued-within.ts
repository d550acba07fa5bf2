import { settledWithin } from '../async/settled-within.js';

/**
 * Waits at most `ms` for an enqueue; answers the error instead of throwing it. A record that
 * is already stored must not fail its caller because Redis is slow or down: the sweeper
 * enqueues it later, and the late enqueue (if it ever settles) is harmless.
 */
export async function enqueuedWithin(enqueue: Promise<unknown>, ms: number): Promise<Error | null> {
  const outcome = await settledWithin(enqueue, ms);
  if (outcome.status === 'fulfilled') return null;
  if (outcome.status === 'timed-out') return new Error('Redis did not take the job in time');
  return outcome.reason instanceof Error ? outcome.reason : new Error(String(outcome.reason));
}
