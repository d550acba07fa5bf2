import type { IRetryBackoffContext } from 'cockatiel';
import { RegistryError } from '../registry.error.js';
import { parseRetryAfter, RegistryBackoff } from './registry-retry.backoff.js';

const failure = (attempt: number, error: Error): IRetryBackoffContext<unknown> => ({
  attempt,
  signal: new AbortController().signal,
  result: { error },
});

describe('RegistryBackoff', () => {
  const backoff = new RegistryBackoff({ baseMs: 100, capMs: 30_000 });

  afterEach(() => jest.restoreAllMocks());

  it('waits as long as Retry-After says', () => {
    const rateLimited = new RegistryError('RATE_LIMITED', 'rate limited', { retryAfterMs: 2000 });
    expect(backoff.next(failure(1, rateLimited)).duration).toBe(2000);
    expect(backoff.next(failure(3, new RegistryError('UNAVAILABLE', '503', { retryAfterMs: 0 }))).duration).toBe(0);
  });

  it('waits no longer than the cap, whatever Retry-After says', () => {
    const rateLimited = new RegistryError('RATE_LIMITED', 'rate limited', { retryAfterMs: 120_000 });
    expect(backoff.next(failure(1, rateLimited)).duration).toBe(30_000);
  });

  it.each([
    [1, 50, 100],
    [2, 100, 200],
    [3, 200, 400],
  ])('without Retry-After, retry %i waits between %i and %i ms, jittered', (attempt, lowest, highest) => {
    const error = new RegistryError('UNAVAILABLE', 'timeout');
    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect(backoff.next(failure(attempt, error)).duration).toBe(lowest);
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    const longest = backoff.next(failure(attempt, error)).duration;
    expect(longest).toBeLessThan(highest);
    expect(longest).toBeGreaterThanOrEqual(highest - 1);
  });

  it('spreads the waits of callers that failed together', () => {
    const error = new RegistryError('UNAVAILABLE', 'timeout');
    const waits = Array.from({ length: 200 }, () => backoff.next(failure(2, error)).duration);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...waits)).toBeLessThan(200);
    expect(new Set(waits).size).toBeGreaterThan(20);
  });

  it('caps the exponential steps too', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    expect(new RegistryBackoff({ baseMs: 100, capMs: 1000 }).next(failure(10, new Error('x'))).duration).toBeLessThanOrEqual(1000);
  });

  it('chains: each following wait is worked out from the failure it follows', () => {
    const first = backoff.next(failure(1, new RegistryError('RATE_LIMITED', 'x', { retryAfterMs: 1000 })));
    expect(first.next(failure(2, new RegistryError('RATE_LIMITED', 'x', { retryAfterMs: 3000 }))).duration).toBe(3000);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['1', 1000],
    ['0', 0],
    [' 120 ', 120_000],
    [null, undefined],
    ['', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['Wed, 21 Oct 2015 07:28:00 GMT', undefined],
  ])('reads %p as %p ms', (header, expected) => {
    expect(parseRetryAfter(header)).toBe(expected);
  });
});
