/**
 * What NODE_ENV means to the service, and the development secret, in a file with no imports:
 * `npm run token` needs them and must start in a fraction of a second, without the validation
 * libraries that load the whole configuration.
 */

/**
 * The HS256 secret of development and test, published here and in the README: anyone can sign
 * tokens with it, so it is accepted only where NODE_ENV is exactly `development` or `test`.
 */
export const DEVELOPMENT_JWT_SECRET = 'hedui-development-secret-do-not-use-in-production';

/** The shortest AUTH_JWT_SECRET accepted, in bytes: the HMAC-SHA256 key should be as long as its output. */
export const MIN_JWT_SECRET_BYTES = 32;

/** AUTH_MAX_TOKEN_TTL_S unless set: a working day and a half. */
export const DEFAULT_MAX_TOKEN_TTL_S = 43200;

/**
 * Whether NODE_ENV names a development or test run. Anything else, unset included, is
 * production: a forgotten setting must fail closed, never open.
 */
export function isDevelopmentEnvironment(nodeEnv: string | undefined): boolean {
  return nodeEnv === 'development' || nodeEnv === 'test';
}

/**
 * The secret HS256 tokens are verified with: AUTH_JWT_SECRET, or the development secret in
 * development and test when no identity provider is configured either; none otherwise (a
 * production start without it is refused by the configuration, and a deployment with only
 * AUTH_JWKS_URL accepts only the identity provider's tokens).
 */
export function hs256Secret(env: { NODE_ENV?: string; AUTH_JWT_SECRET?: string; AUTH_JWKS_URL?: string }): string | undefined {
  if (env.AUTH_JWT_SECRET) return env.AUTH_JWT_SECRET;
  return isDevelopmentEnvironment(env.NODE_ENV) && !env.AUTH_JWKS_URL ? DEVELOPMENT_JWT_SECRET : undefined;
}
