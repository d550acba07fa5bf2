import { DomainError } from '../../core/errors/domain.error.js';
import { type Principal, type Role, ROLES } from './principal.js';

/**
 * The principal a verified token's claims name: `sub`, `roles` (known roles, at least one),
 * optional `region` (six digits), `exp` and optional `iat`. A token meant to live longer than
 * `maxTtlSeconds`, counted from now (`exp`) or from its issue (`exp - iat`), is refused: a
 * stolen long-lived token would outlast any revocation of the staff member's access.
 */
export function principalOfClaims(claims: Record<string, unknown>, nowSeconds: number, maxTtlSeconds: number): Principal {
  const { sub, roles, region, exp, iat } = claims;
  const validRoles = Array.isArray(roles) && roles.length > 0 && roles.every((role) => ROLES.includes(role as Role));
  const validRegion = region === undefined || (typeof region === 'string' && /^\d{6}$/.test(region));
  const validIat = iat === undefined || (typeof iat === 'number' && Number.isFinite(iat));
  if (typeof sub !== 'string' || sub.length === 0 || !validRoles || !validRegion || typeof exp !== 'number' || !validIat) {
    throw new DomainError('UNAUTHENTICATED', 'The bearer token lacks a valid sub, roles, exp, iat or region claim.');
  }
  if (exp - nowSeconds > maxTtlSeconds || (typeof iat === 'number' && exp - iat > maxTtlSeconds)) {
    throw new DomainError('UNAUTHENTICATED', 'The bearer token is valid for longer than this service accepts.');
  }
  return { sub, roles: roles as Role[], ...(region ? { region: region as string } : {}) };
}
