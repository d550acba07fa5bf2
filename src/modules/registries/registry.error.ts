export type RegistryErrorCode = 'UNAVAILABLE' | 'RATE_LIMITED' | 'INVALID_RESPONSE' | 'REJECTED';

/**
 * The one error a registry adapter throws. The message never carries personal data: it names
 * the registry, the operation and what went wrong, never an identifier that was asked about.
 */
export class RegistryError extends Error {
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
    readonly options: { attempts?: number; retryAfterMs?: number; requestIds?: string[]; status?: number } = {},
  ) {
    super(message);
    this.name = 'RegistryError';
  }

  /** Whether trying again may help: timeouts, refused connections, 5xx and 429. */
  get transient(): boolean {
    return this.code === 'UNAVAILABLE' || this.code === 'RATE_LIMITED';
  }
}
