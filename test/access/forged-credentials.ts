import { createHmac } from 'node:crypto';
import { providerKey, type ProviderKey, providerToken } from '../support/identity-provider.js';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** A JWT put together by hand, so that its header, claims and signature can each be wrong on purpose. */
export function forgeJwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  sign: { secret: string; digest: 'sha256' | 'sha512' } | 'unsigned',
): string {
  const input = `${base64url(header)}.${base64url(claims)}`;
  if (sign === 'unsigned') return `${input}.`;
  return `${input}.${createHmac(sign.digest, sign.secret).update(input).digest('base64url')}`;
}

/** A token the service must accept: HS256 with its secret and well-formed claims. */
export function validJwt(secret: string, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  return forgeJwt({ alg: 'HS256', typ: 'JWT' }, { iat: now, exp: now + 3600, ...claims }, { secret, digest: 'sha256' });
}

/**
 * Authorization header values that must all be refused with 401 (undefined: no header). The
 * claims ask for `admin`, so a credential that slipped through would open every door.
 */
export function refusedCredentials(secret: string): Array<[label: string, authorization: string | undefined]> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: 'forger', roles: ['admin'], iat: now, exp: now + 3600 };
  const validToken = validJwt(secret, { sub: 'intake-a', roles: ['intake'] });
  const hs256 = (payload: Record<string, unknown>, key = secret) =>
    `Bearer ${forgeJwt({ alg: 'HS256', typ: 'JWT' }, payload, { secret: key, digest: 'sha256' })}`;
  const { roles: _roles, ...withoutRoles } = claims;
  const { sub: _sub, ...withoutSub } = claims;
  const { exp: _exp, ...withoutExp } = claims;
  const [validHeader, , validSignature] = validToken.split('.');

  return [
    ['no Authorization header', undefined],
    ['a Basic credential', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['"Bearer" alone', 'Bearer'],
    ['a bearer value that is not a JWT', 'Bearer not-a-jwt'],
    ['a valid token without the Bearer scheme', validToken],
    ['HS256 signed with another secret', hs256(claims, `${secret}-but-not-quite`)],
    ['alg none with an empty signature', `Bearer ${forgeJwt({ alg: 'none', typ: 'JWT' }, claims, 'unsigned')}`],
    ['alg NONE with an empty signature', `Bearer ${forgeJwt({ alg: 'NONE', typ: 'JWT' }, claims, 'unsigned')}`],
    ['HS512 signed with the right secret', `Bearer ${forgeJwt({ alg: 'HS512', typ: 'JWT' }, claims, { secret, digest: 'sha512' })}`],
    ['claims swapped under a valid signature', `Bearer ${validHeader}.${base64url(claims)}.${validSignature}`],
    ['an expired token', hs256({ ...claims, iat: now - 7200, exp: now - 60 })],
    ['a token not valid yet (nbf)', hs256({ ...claims, nbf: now + 3600 })],
    ['a token without exp', hs256(withoutExp)],
    ['a token without sub', hs256(withoutSub)],
    ['a token with an empty sub', hs256({ ...claims, sub: '' })],
    ['a token without roles', hs256(withoutRoles)],
    ['roles empty', hs256({ ...claims, roles: [] })],
    ['roles ["superuser"]', hs256({ ...claims, roles: ['superuser'] })],
    ['roles ["admin", "superuser"]', hs256({ ...claims, roles: ['admin', 'superuser'] })],
    ['roles as a string', hs256({ ...claims, roles: 'admin' })],
    ['a 5-digit region', hs256({ ...claims, region: '54252' })],
    // AUTH_MAX_TOKEN_TTL_S (12 h by default): a long-lived token outlasts any withdrawal of access.
    ['exp further ahead than the longest lifetime', hs256({ ...claims, exp: now + 43200 + 600 })],
    ['exp - iat longer than the longest lifetime', hs256({ ...claims, iat: now - 43200, exp: now + 600 })],
  ];
}

/**
 * Identity-provider tokens that must all be refused with 401 by a service trusting the JWKS
 * that publishes `trusted`; each asks for `admin`, signed as the provider's would be but for
 * one thing.
 */
export function refusedProviderCredentials(trusted: ProviderKey): Array<[label: string, authorization: string]> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: 'forger', roles: ['admin'], iat: now, exp: now + 3600 };
  const impostor = providerKey(trusted.alg, trusted.kid);
  const unpublished = providerKey(trusted.alg, `${trusted.kid}-unpublished`);
  const eddsa = providerKey('EdDSA', trusted.kid);
  const publicPem = trusted.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const confused = forgeJwt({ alg: 'HS256', typ: 'JWT', kid: trusted.kid }, claims, { secret: publicPem, digest: 'sha256' });
  return [
    [`${trusted.alg} signed by a key the provider never published`, `Bearer ${providerToken(unpublished, claims)}`],
    [`${trusted.alg} signed by another key under the trusted kid`, `Bearer ${providerToken(impostor, claims)}`],
    ['EdDSA under the trusted kid', `Bearer ${providerToken(eddsa, claims)}`],
    ['HS256 keyed with the provider’s public key', `Bearer ${confused}`],
    [
      `${trusted.alg} valid for longer than the longest lifetime`,
      `Bearer ${providerToken(trusted, { ...claims, exp: now + 43200 + 600 })}`,
    ],
  ];
}
