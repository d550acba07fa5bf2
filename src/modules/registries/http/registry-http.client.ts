import { randomUUID } from 'node:crypto';
import {
  CircuitBreakerPolicy,
  CircuitState,
  circuitBreaker,
  ConsecutiveBreaker,
  handleWhen,
  isBrokenCircuitError,
  retry,
  type RetryPolicy,
} from 'cockatiel';
import {
  type CallSlot,
  searchLabel,
  type RegistryTransport,
  type SearchEndpoint,
  type TransportAnswer,
} from '../contract/registry-search.js';
import { errorForStatus } from '../contract/registry-status.js';
import { waitFor } from '../../../core/time/wait-for.js';
import { QUOTA_CHANNEL, type QuotaDecision, type RegistryCallQuota } from '../quota/registry-quota.js';
import { RegistryError, type RegistryErrorCode } from '../registry.error.js';
import type { RegistrySource } from '../registry.types.js';
import { parseRetryAfter, RegistryBackoff } from './registry-retry.backoff.js';

/** Why the service reads the registries; they refuse any other purpose with 403. */
export const REGISTRY_PURPOSE = 'social-assistance-verification';

export interface RegistryHttpOptions {
  /** The registry's base URL; the contract's paths are appended to it. */
  baseUrl: string;
  token?: string;
  /** How long one attempt may take, answer body included. */
  timeoutMs: number;
  /** The largest answer body read; a longer one is cut off as it arrives (default 8 MiB). */
  maxResponseBytes?: number;
  /** Attempts per request, the first included. */
  maxAttempts: number;
  retryBaseMs: number;
  retryAfterCapMs: number;
  /** Consecutive failed calls, each after its retries, that open the circuit. */
  breakerThreshold: number;
  /** How long the open circuit refuses calls before one is let through to probe. */
  breakerHalfOpenMs: number;
  /** The registry's call quota, shared by every process; none: calls go as soon as they are made. */
  quota?: RegistryCallQuota;
  /** Told of every request sent, and of every call the open circuit refused (for metrics). */
  observer?: (attempt: RegistryAttempt) => void;
}

/**
 * What one request to a registry came to: `ok` (200 with JSON), `timeout`, `unreachable` (the
 * connection failed), `5xx`, `429`, `rejected` (another 4xx), `invalid` (200 that is not JSON,
 * or a status the contract does not define), or `breaker_open` (not sent: the circuit is open).
 * A 200 with a body over the size limit is `invalid` too.
 * A 200 with JSON that breaks the contract's schema is `ok` here; the lookup then fails as
 * INVALID_RESPONSE when the answer is checked.
 */
export type RegistryOutcome = 'ok' | 'timeout' | 'unreachable' | '5xx' | '429' | 'rejected' | 'invalid' | 'breaker_open';

export interface RegistryAttempt {
  source: RegistrySource;
  /** The contract's operationId. */
  operation: string;
  outcome: RegistryOutcome;
  durationMs: number;
}

const OUTCOME_OF_CODE: Record<RegistryErrorCode, RegistryOutcome> = {
  RATE_LIMITED: '429',
  UNAVAILABLE: '5xx',
  REJECTED: 'rejected',
  INVALID_RESPONSE: 'invalid',
};

/** The circuit breaker's state, in the words a health report uses. */
export type CircuitStatus = 'closed' | 'open' | 'half-open' | 'isolated';

const CIRCUIT_STATUS: Record<CircuitState, CircuitStatus> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

const isTransient = (error: Error) => error instanceof RegistryError && error.transient;

const NOT_JSON = Symbol('not JSON');
const TOO_LARGE = Symbol('too large');

/** REGISTRY_MAX_RESPONSE_BYTES unless set: far above any answer the contract allows (50 identifiers a call). */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * Carries requests to one registry over HTTP, as the contract asks: bearer token, a new
 * `X-Request-Id` per attempt, `X-Purpose`, a timeout per attempt. Timeouts, refused
 * connections, 5xx and 429 are retried within `maxAttempts` (see RegistryBackoff for the
 * waits); a refusal (another 4xx), an answer that is not JSON and one longer than
 * `maxResponseBytes` (cut off as it streams in) are not, since repeating the same request
 * would get the same answer.
 *
 * When the attempts run out, the error keeps the code of the last failure: `RATE_LIMITED`
 * if the registry was still answering 429, with its `retryAfterMs`, so that a caller that
 * schedules its own retry can wait as long as the registry asked; `UNAVAILABLE` otherwise.
 * Both are `transient`.
 *
 * A circuit breaker sits around the retries rather than inside them, so that it counts
 * calls that spent their whole budget, not single attempts: one slow registry answer does
 * not open it, and once `breakerThreshold` calls in a row have given up, the registry is
 * taken as down and further calls fail at once (`UNAVAILABLE`, 0 attempts) instead of each
 * spending the budget again. After `breakerHalfOpenMs` the next call goes through as a
 * probe, with its retries; calls arriving meanwhile wait for its outcome, which closes or
 * re-opens the circuit. Only transient failures count: a refusal or a malformed answer means
 * the registry is up.
 *
 * Every attempt, retries included, first takes a slot of the registry's quota (shared by every
 * process through Redis). A `Retry-After` (with a 429, or a 503 that carries one) holds the
 * registry back: in this process, on the monotonic clock, so that no attempt of any call goes
 * before the wait is over; and, for a 429, in every process, through the quota.
 */
export class RegistryHttpClient implements RegistryTransport {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly retryPolicy: RetryPolicy;
  private readonly baseUrl: string;
  /** Until when (performance.now) the registry asked this process not to call it. */
  private heldUntil = 0;

  constructor(private readonly options: RegistryHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.breaker = circuitBreaker(handleWhen(isTransient), {
      halfOpenAfter: options.breakerHalfOpenMs,
      breaker: new ConsecutiveBreaker(options.breakerThreshold),
    });
    this.retryPolicy = retry(
      handleWhen(isTransient),
      // cockatiel counts the retries that follow the first attempt.
      {
        maxAttempts: options.maxAttempts - 1,
        backoff: new RegistryBackoff({ baseMs: options.retryBaseMs, capMs: options.retryAfterCapMs }),
      },
    );
  }

  /** The circuit breaker's state now. */
  get circuit(): CircuitStatus {
    return CIRCUIT_STATUS[this.breaker.state];
  }

  async post(endpoint: SearchEndpoint, body: object, slot?: CallSlot): Promise<TransportAnswer> {
    const requestIds: string[] = [];
    const payload = JSON.stringify(body);
    let taken = slot;
    try {
      const answer = await this.breaker.execute(() =>
        this.retryPolicy.execute(() => {
          const requestId = taken?.requestId ?? randomUUID();
          const slotTaken = taken !== undefined;
          taken = undefined;
          requestIds.push(requestId);
          return this.attempt(endpoint, payload, requestId, slotTaken);
        }),
      );
      return { body: answer, requestIds, attempts: requestIds.length };
    } catch (error) {
      if (isBrokenCircuitError(error)) {
        this.options.observer?.({ source: endpoint.source, operation: endpoint.operationId, outcome: 'breaker_open', durationMs: 0 });
        throw new RegistryError('UNAVAILABLE', `${endpoint.source}: circuit open after repeated failures; not called`, {
          attempts: 0,
          requestIds: [],
        });
      }
      if (!(error instanceof RegistryError)) throw error;
      const gaveUp = error.transient ? `; gave up after ${requestIds.length} attempt${requestIds.length === 1 ? '' : 's'}` : '';
      throw new RegistryError(error.code, `${error.message}${gaveUp}`, { ...error.options, attempts: requestIds.length, requestIds });
    }
  }

  async takeSlot(): Promise<CallSlot> {
    const requestId = randomUUID();
    await this.waitForSlot(requestId);
    return { requestId };
  }

  private async waitForSlot(requestId: string): Promise<void> {
    await waitFor(this.heldUntil - performance.now());
    if (this.options.quota) {
      await this.options.quota.acquire(requestId);
      // A 429 to another call may have come while this one waited for its slot.
      await waitFor(this.heldUntil - performance.now());
    }
  }

  private async attempt(endpoint: SearchEndpoint, payload: string, requestId: string, slotTaken: boolean): Promise<unknown> {
    if (slotTaken) await waitFor(this.heldUntil - performance.now());
    else await this.waitForSlot(requestId);
    const label = searchLabel(endpoint);
    const started = performance.now();
    const observe = (outcome: RegistryOutcome) =>
      this.options.observer?.({
        source: endpoint.source,
        operation: endpoint.operationId,
        outcome,
        durationMs: performance.now() - started,
      });
    let response: Response;
    let text: string | typeof TOO_LARGE;
    try {
      response = await fetch(`${this.baseUrl}${endpoint.path}`, {
        method: 'POST',
        headers: this.headers(requestId),
        body: payload,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        // A redirect is not in the contract; following it could hand the token to another host.
        redirect: 'manual',
      });
      text = await readBounded(response, this.maxResponseBytes);
    } catch (error) {
      observe(isTimeout(error) ? 'timeout' : 'unreachable');
      throw new RegistryError('UNAVAILABLE', `${label}: ${describeFetchFailure(error, this.options.timeoutMs)}`);
    }
    // An oversized body is not read to the end, so it is not JSON as far as anyone can tell.
    const parsed = text === TOO_LARGE ? NOT_JSON : parseJson(text);
    if (response.status !== 200) {
      const error = errorForStatus(label, response.status, parsed, { retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
      observe(OUTCOME_OF_CODE[error.code]);
      if (error.options.retryAfterMs !== undefined)
        await this.holdBack(endpoint.source, error.options.retryAfterMs, error.code === 'RATE_LIMITED');
      throw error;
    }
    if (text === TOO_LARGE) {
      observe('invalid');
      throw new RegistryError('INVALID_RESPONSE', `${label}: answered 200 with a body over ${this.maxResponseBytes} bytes; cut off unread`);
    }
    if (parsed === NOT_JSON) {
      observe('invalid');
      throw new RegistryError('INVALID_RESPONSE', `${label}: answered 200 with a body that is not JSON`);
    }
    observe('ok');
    return parsed;
  }

  /**
   * Honours a `Retry-After` (capped): this process sends nothing to the registry until it has
   * passed; with `everywhere` (a 429: the quota is spent for all), no process does. A hold that
   * Redis could not take is not the call's failure: this process's own hold still stands.
   */
  private async holdBack(source: RegistrySource, retryAfterMs: number, everywhere: boolean): Promise<void> {
    const holdMs = Math.min(retryAfterMs, this.options.retryAfterCapMs);
    this.heldUntil = Math.max(this.heldUntil, performance.now() + holdMs);
    if (QUOTA_CHANNEL.hasSubscribers) {
      QUOTA_CHANNEL.publish({ kind: 'hold', source, holdMs, scope: everywhere ? 'all' : 'process' } satisfies QuotaDecision);
    }
    if (everywhere) await this.options.quota?.holdBack(holdMs).catch(() => undefined);
  }

  private get maxResponseBytes(): number {
    return this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  private headers(requestId: string): Record<string, string> {
    return {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'X-Request-Id': requestId,
      'X-Purpose': REGISTRY_PURPOSE,
      ...(this.options.token ? { Authorization: `Bearer ${this.options.token}` } : {}),
    };
  }
}

/**
 * The body as text (decoded as `Response.text()` would), or TOO_LARGE as soon as more than
 * `limit` bytes have been declared or have arrived: the stream is then cancelled, which closes
 * the connection, so that a registry gone wrong (or a hostile one) cannot make a worker hold an
 * endless answer in memory. Nothing past the limit is read.
 */
async function readBounded(response: Response, limit: number): Promise<string | typeof TOO_LARGE> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (!response.body) return '';
  if (declared > limit) {
    await response.body.cancel();
    return TOO_LARGE;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/**
 * A timeout or a network error code (`ECONNREFUSED`); never the URL or the request. The
 * timeout is recognised by name: it is a DOMException, which is not always `instanceof Error`
 * (not under Jest's separate realm, for one).
 */
function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const { cause } = (error ?? {}) as { cause?: { code?: unknown } };
  if (isTimeout(error)) {
    return `no answer within ${timeoutMs} ms`;
  }
  return typeof cause?.code === 'string' ? `connection failed (${cause.code})` : 'connection failed';
}

function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'TimeoutError';
}
