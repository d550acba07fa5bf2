import { generateKeyPairSync } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../../src/core/config/app.config.js';
import type { Role } from '../../../src/modules/auth/principal.js';
import { TokenService } from '../../../src/modules/auth/token.service.js';

/** The secret every service process of the suite is started with. */
export const RELIABILITY_JWT_SECRET = DEVELOPMENT_JWT_SECRET;

/** The audit signing key every process of a scenario shares (one log, one key), rather than one generated into ./data. */
export const RELIABILITY_AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

const tokens = new TokenService(loadConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: RELIABILITY_JWT_SECRET }));

/** A bearer token the service processes accept, for one staff member with the roles given. */
export function token(roles: Role | Role[], sub: string, region?: string): string {
  return tokens.sign({ sub, roles: Array.isArray(roles) ? roles : [roles], ...(region ? { region } : {}) });
}
