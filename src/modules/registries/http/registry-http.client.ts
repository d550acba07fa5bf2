import { randomUUID } from 'node:crypto';
import { handleWhen, retry, type RetryPolicy } from 'cockatiel';
import { searchLabel, type RegistryTransport, type SearchEndpoint, type TransportAnswer } from '../contract/registry-search.js';
import { errorForStatus } from '../contract/registry-status.js';
import { RegistryError } from '../registry.error.js';
import { parseRetryAfter, RegistryBackoff } from './registry-retry.backoff.js';

/** Why the service reads the registries; they refuse any other purpose with 403. */
export const REGISTRY_PURPOSE = 'social-assistance-verification';

export interface RegistryHttpOptions {
  /** The registry's base URL; the contract's paths are appended to it. */
  baseUrl: string;
  token?: string;
  /** How long one attempt may take, answer body included. */
  timeoutMs: number;
  /** Attempts per request, the first included. */
  maxAttempts: number;
  retryBaseMs: number;
  retryAfterCapMs: number;
}

const NOT_JSON = Symbol('not JSON');

/**
 * Carries requests to one registry over HTTP, as the contract asks: bearer token, a new
 * `X-Request-Id` per attempt, `X-Purpose`, a timeout per attempt. Timeouts, refused
 * connections, 5xx and 429 are retried within `maxAttempts` (see RegistryBackoff for the
 * waits); a refusal (another 4xx) and an answer that is not JSON are not, since repeating
 * the same request would get the same answer.
 *
 * When the attempts run out, the error keeps the code of the last failure: `RATE_LIMITED`
 * if the registry was still answering 429, with its `retryAfterMs`, so that a caller that
 * schedules its own retry can wait as long as the registry asked; `UNAVAILABLE` otherwise.
 * Both are `transient`.
 */
export class RegistryHttpClient implements RegistryTransport {
  private readonly retryPolicy: RetryPolicy;
  private readonly baseUrl: string;

  constructor(private readonly options: RegistryHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.retryPolicy = retry(
      handleWhen((error) => error instanceof RegistryError && error.transient),
      // cockatiel counts the retries that follow the first attempt.
      {
        maxAttempts: options.maxAttempts - 1,
        backoff: new RegistryBackoff({ baseMs: options.retryBaseMs, capMs: options.retryAfterCapMs }),
      },
    );
  }

  async post(endpoint: SearchEndpoint, body: object): Promise<TransportAnswer> {
    const requestIds: string[] = [];
    const payload = JSON.stringify(body);
    try {
      const answer = await this.retryPolicy.execute(() => {
        const requestId = randomUUID();
        requestIds.push(requestId);
        return this.attempt(endpoint, payload, requestId);
      });
      return { body: answer, requestIds, attempts: requestIds.length };
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      const gaveUp = error.transient ? `; gave up after ${requestIds.length} attempt${requestIds.length === 1 ? '' : 's'}` : '';
      throw new RegistryError(error.code, `${error.message}${gaveUp}`, { ...error.options, attempts: requestIds.length, requestIds });
    }
  }

  private async attempt(endpoint: SearchEndpoint, payload: string, requestId: string): Promise<unknown> {
    const label = searchLabel(endpoint);
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${endpoint.path}`, {
        method: 'POST',
        headers: this.headers(requestId),
        body: payload,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        // A redirect is not in the contract; following it could hand the token to another host.
        redirect: 'manual',
      });
      text = await response.text();
    } catch (error) {
      throw new RegistryError('UNAVAILABLE', `${label}: ${describeFetchFailure(error, this.options.timeoutMs)}`);
    }
    const parsed = parseJson(text);
    if (response.status !== 200) {
      throw errorForStatus(label, response.status, parsed, { retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
    }
    if (parsed === NOT_JSON) {
      throw new RegistryError('INVALID_RESPONSE', `${label}: answered 200 with a body that is not JSON`);
    }
    return parsed;
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
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  if (name === 'TimeoutError') {
    return `no answer within ${timeoutMs} ms`;
  }
  return typeof cause?.code === 'string' ? `connection failed (${cause.code})` : 'connection failed';
}
