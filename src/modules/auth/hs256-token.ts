import { createHmac } from 'node:crypto';

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * A compact HS256 JWT over `claims`, signed with `secret`. Signing is a few lines of
 * node:crypto, done synchronously and without the JOSE library, so that `npm run token` starts
 * in a fraction of a second and the tests sign tokens inline; verification, where mistakes
 * matter, is jose's (TokenService).
 */
export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const input = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** The claims of a token valid for `expiresInSeconds` from now, `iat` and `exp` included. */
export function timedClaims(claims: Record<string, unknown>, expiresInSeconds: number, nowMs = Date.now()): Record<string, unknown> {
  const iat = Math.floor(nowMs / 1000);
  return { ...claims, iat, exp: iat + expiresInSeconds };
}
