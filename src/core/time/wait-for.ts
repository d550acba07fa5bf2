/**
 * Waits `ms` on the monotonic clock. A timer may fire a little early (Node counts it from the
 * event loop's cached time, which lags whatever ran before it was set), so the wait is checked
 * against the clock and finished if need be: whoever waits out a registry's `Retry-After`
 * must not be early.
 */
export async function waitFor(ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  for (let left = ms; left > 0; left = deadline - performance.now()) {
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
  }
}
