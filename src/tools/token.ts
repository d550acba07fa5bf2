import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config/app.config.js';
import { type Role, ROLES } from '../modules/auth/principal.js';
import { TokenService } from '../modules/auth/token.service.js';

/**
 * Prints a development token signed with AUTH_JWT_SECRET:
 *   npm run token -- --role intake --sub alice [--role reviewer] [--region 542521] [--expires 3600]
 * Refused when NODE_ENV=production: real tokens come from the identity provider.
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

  const config = loadConfig(process.env);
  if (config.NODE_ENV === 'production') fail('development tokens are refused when NODE_ENV=production');
  const roles = (values.role ?? []).flatMap((role) => role.split(','));
  if (roles.length === 0 || !roles.every((role): role is Role => ROLES.includes(role as Role))) fail(usage);
  if (!values.sub) fail(usage);
  if (values.region !== undefined && !/^\d{6}$/.test(values.region)) fail('--region must be a 6-digit region code');
  const expires = Number(values.expires);
  if (!Number.isInteger(expires) || expires <= 0) fail('--expires must be a positive number of seconds');

  const token = new TokenService(config).sign({ sub: values.sub, roles, ...(values.region ? { region: values.region } : {}) }, expires);
  console.log(token);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

main();
