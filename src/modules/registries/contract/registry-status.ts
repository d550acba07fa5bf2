import { RegistryError } from '../registry.error.js';
import { isErrorBody } from './registry-validation.js';

/** An error body's `code` is quoted in messages only when it looks like a code, not free text. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * What a non-200 answer means under the contract, whatever carried it (HTTP or the in-process
 * sandbox): 429 is rate limiting and 5xx a transient failure, both worth retrying; any other
 * 4xx is a refusal that retrying cannot fix; anything else is outside the contract. The error
 * body's message is never quoted: a registry may echo an identifier in it.
 */
export function errorForStatus(label: string, status: number, body: unknown, options: RegistryError['options'] = {}): RegistryError {
  const code = isErrorBody(body) && ERROR_CODE.test(body.error.code) ? ` ${body.error.code}` : '';
  if (status === 429) {
    return new RegistryError('RATE_LIMITED', `${label}: rate limited (429${code})`, options);
  }
  if (status >= 500 && status <= 599) {
    return new RegistryError('UNAVAILABLE', `${label}: failed with ${status}${code}`, options);
  }
  if (status >= 400 && status <= 499) {
    return new RegistryError('REJECTED', `${label}: refused the request with ${status}${code}`, { ...options, status });
  }
  return new RegistryError('INVALID_RESPONSE', `${label}: answered ${status}, which the contract does not define`, options);
}
