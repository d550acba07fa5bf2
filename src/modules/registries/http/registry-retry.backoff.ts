import { halfJitterGenerator, type IBackoff, type IBackoffFactory, type IRetryBackoffContext } from 'cockatiel';
import { RegistryError } from '../registry.error.js';

export interface RegistryBackoffOptions {
  /** The first step of the exponential backoff; it doubles with each retry. */
  baseMs: number;
  /** The longest wait, whether a `Retry-After` asks for more or the exponential steps grow past it. */
  capMs: number;
}

/**
 * The wait before a retry (POLICY.md): the registry's `Retry-After`, when the failure just
 * met carried one, capped so that one registry cannot hold a verification for long;
 * otherwise exponential backoff with half jitter, between half and all of
 * `baseMs × 2^(retry − 1)`, so that callers that failed together spread out without
 * retrying at once.
 */
export class RegistryBackoff implements IBackoffFactory<IRetryBackoffContext<unknown>> {
  constructor(private readonly options: RegistryBackoffOptions) {}

  next(context: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> {
    return { duration: this.delayFor(context), next: (following) => this.next(following) };
  }

  delayFor({ attempt, result }: IRetryBackoffContext<unknown>): number {
    const retryAfterMs = 'error' in result && result.error instanceof RegistryError ? result.error.options.retryAfterMs : undefined;
    if (retryAfterMs !== undefined) {
      return Math.min(retryAfterMs, this.options.capMs);
    }
    const [delay] = halfJitterGenerator(attempt - 1, {
      generator: halfJitterGenerator,
      initialDelay: this.options.baseMs,
      maxDelay: this.options.capMs,
      exponent: 2,
    });
    return delay;
  }
}

/** `Retry-After` in milliseconds; the contract gives it in whole seconds. Anything else is ignored. */
export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || !/^\s*\d+\s*$/.test(header)) return undefined;
  return Number(header) * 1000;
}
