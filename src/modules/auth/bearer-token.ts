import { DomainError } from '../../core/errors/domain.error.js';

/** The token of an `Authorization: Bearer …` header; none, or another scheme, is UNAUTHENTICATED. */
export function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization ?? '');
  if (!match) throw new DomainError('UNAUTHENTICATED', 'An Authorization: Bearer token is required.');
  return match[1];
}
