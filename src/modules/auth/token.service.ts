import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../../core/config/app.config.js';
import { DomainError } from '../../core/errors/domain.error.js';
import { bearerToken } from './bearer-token.js';
import { type Principal, type Role, ROLES } from './principal.js';

/** Verifies bearer tokens (HS256 with AUTH_JWT_SECRET only) and signs development tokens. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  /** Each request's verification, so that the guards that ask (rate limit, auth) verify its token once. */
  private readonly verified = new WeakMap<object, Promise<Principal>>();

  constructor(config: AppConfig) {
    // A key object made once: given the secret as text, the JWT library rebuilds a key on every request.
    this.jwt = new JwtService({ secret: createSecretKey(Buffer.from(config.AUTH_JWT_SECRET, 'utf8')) });
  }

  /**
   * The principal of a request's `Authorization: Bearer` token, verified once per request
   * however often it is asked for; rejects (every time) as `verify` does.
   */
  principalOf(request: { headers: { authorization?: string } }): Promise<Principal> {
    let principal = this.verified.get(request);
    if (!principal) {
      principal = (async () => this.verify(bearerToken(request.headers.authorization)))();
      this.verified.set(request, principal);
    }
    return principal;
  }

  async verify(token: string): Promise<Principal> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'The bearer token is missing, malformed, expired or not signed by this service.');
    }
    const { sub, roles, region, exp } = claims;
    const validRoles = Array.isArray(roles) && roles.length > 0 && roles.every((role) => ROLES.includes(role as Role));
    const validRegion = region === undefined || (typeof region === 'string' && /^\d{6}$/.test(region));
    if (typeof sub !== 'string' || sub.length === 0 || !validRoles || !validRegion || typeof exp !== 'number') {
      throw new DomainError('UNAUTHENTICATED', 'The bearer token lacks a valid sub, roles, exp or region claim.');
    }
    return { sub, roles: roles as Role[], ...(region ? { region: region as string } : {}) };
  }

  sign(principal: Principal, expiresInSeconds = 8 * 3600): string {
    return this.jwt.sign({ ...principal }, { algorithm: 'HS256', expiresIn: expiresInSeconds });
  }
}
