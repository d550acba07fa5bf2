import { parseArgs } from 'node:util';
import {
  DEFAULT_MAX_TOKEN_TTL_S,
  hs256Secret,
  isDevelopmentEnvironment,
  MIN_JWT_SECRET_BYTES,
} from '../core/config/deployment-environment.js';
import { signHs256, timedClaims } from '../modules/auth/hs256-token.js';
import { type Role, ROLES } from '../modules/auth/principal.js';

/**
 * Prints a development token signed with AUTH_JWT_SECRET, or the development secret:
 *   npm run token -- --role intake --sub alice [--role reviewer] [--region 542521] [--expires 3600]
 * Only where NODE_ENV is `development` or `test` (`npm run token` says `development` unless
 * NODE_ENV is set): real tokens come from the identity provider. It imports neither Nest nor
 * the configuration's validators, so that it answers at once.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      region: { type: 'string' },
      expires: { type: 'string', default: String(8 * 3600) },
      help: { type: 'boolean' },
    },
  });
  const usage = `usage: npm run token -- --role <${ROLES.join('|')}> --sub <staff id> [--role …] [--region <6 digits>] [--expires <seconds>]`;
  if (values.help) return console.log(usage);

  const env = process.env;
  if (!isDevelopmentEnvironment(env.NODE_ENV)) {
    fail(
      `development tokens are refused outside development and test (${env.NODE_ENV ? `NODE_ENV=${env.NODE_ENV}` : 'NODE_ENV unset'}: production)`,
    );
  }
  const secret = hs256Secret({
    NODE_ENV: env.NODE_ENV,
    AUTH_JWT_SECRET: env.AUTH_JWT_SECRET || undefined,
    AUTH_JWKS_URL: env.AUTH_JWKS_URL || undefined,
  });
  if (secret === undefined) fail('AUTH_JWKS_URL is set without AUTH_JWT_SECRET: the service accepts only the identity provider’s tokens');
  if (Buffer.byteLength(secret, 'utf8') < MIN_JWT_SECRET_BYTES) fail(`AUTH_JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes`);

  const roles = (values.role ?? []).flatMap((role) => role.split(','));
  if (roles.length === 0 || !roles.every((role): role is Role => ROLES.includes(role as Role))) fail(usage);
  if (!values.sub) fail(usage);
  if (values.region !== undefined && !/^\d{6}$/.test(values.region)) fail('--region must be a 6-digit region code');
  const expires = Number(values.expires);
  if (!Number.isInteger(expires) || expires <= 0) fail('--expires must be a positive number of seconds');
  const maxTtl = Number(env.AUTH_MAX_TOKEN_TTL_S || DEFAULT_MAX_TOKEN_TTL_S);
  if (expires > maxTtl) fail(`--expires must be at most AUTH_MAX_TOKEN_TTL_S (${maxTtl}): the service refuses a longer-lived token`);

  const claims = { sub: values.sub, roles, ...(values.region ? { region: values.region } : {}) };
  console.log(signHs256(timedClaims(claims, expires), secret));
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

main();
