import { webcrypto } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, customFetch, decodeProtectedHeader, errors, type JWTPayload, jwtVerify, type JWTVerifyOptions } from 'jose';
import { AppConfig } from '../../core/config/app.config.js';
import { DomainError } from '../../core/errors/domain.error.js';
import { bearerToken } from './bearer-token.js';
import { signHs256, timedClaims } from './hs256-token.js';
import type { Principal } from './principal.js';
import { principalOfClaims } from './token-claims.js';

/** What an identity provider's keys may sign with; HS256 is AUTH_JWT_SECRET's alone. */
export const IDENTITY_PROVIDER_ALGORITHMS = ['RS256', 'ES256'];

const REFUSED = 'The bearer token is missing, malformed, expired or not signed by a key this service trusts.';
/** HS256 tokens kept as verified, at most; the oldest is dropped first. */
const VERIFIED_HS256_KEPT = 10_000;

/**
 * Verifies bearer tokens: HS256 with AUTH_JWT_SECRET, and RS256/ES256 against an identity
 * provider's JWKS (AUTH_JWKS_URL), either or both. The token's `alg` picks the key: an HS256
 * token is never checked against the JWKS nor an RS256 one against the secret, so that a
 * public key cannot be passed off as an HMAC secret. Whatever goes wrong, the JWKS endpoint
 * being down included, the answer is 401, never a 500. Also signs HS256 development tokens.
 */
@Injectable()
export class TokenService {
  private readonly logger = new Logger(TokenService.name);
  /** The secret imported once: given bytes, jose would import a key on every request. */
  private readonly secretKey?: Promise<webcrypto.CryptoKey>;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  private readonly claimChecks: JWTVerifyOptions;
  /** Each request's verification, so that the guards that ask (rate limit, auth) verify its token once. */
  private readonly verified = new WeakMap<object, Promise<Principal>>();
  /**
   * HS256 tokens whose signature and claims jose verified, with their claims, each until its
   * `exp`: an intake system sends one token with thousands of submissions, and AUTH_JWT_SECRET
   * changes only with a restart, so a signature once verified stays verified. Tokens of an
   * identity provider are verified every time: it may withdraw a key at any moment.
   */
  private readonly verifiedHs256 = new Map<string, JWTPayload & { exp: number }>();

  constructor(private readonly config: AppConfig) {
    const secret = config.AUTH_JWT_SECRET;
    if (secret !== undefined) {
      this.secretKey = webcrypto.subtle.importKey('raw', Buffer.from(secret, 'utf8'), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    }
    if (config.AUTH_JWKS_URL !== undefined) {
      // Keys are cached; a `kid` not among them fetches the set again, at most once per
      // cooldown, so that the provider's key rotation is picked up without a restart.
      this.jwks = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL), {
        cooldownDuration: config.AUTH_JWKS_COOLDOWN_MS,
        timeoutDuration: config.AUTH_JWKS_TIMEOUT_MS,
        [customFetch]: (url, options) => this.fetchKeySet(url, options),
      });
    }
    this.claimChecks = {
      ...(config.AUTH_JWT_ISSUER !== undefined ? { issuer: config.AUTH_JWT_ISSUER } : {}),
      ...(config.AUTH_JWT_AUDIENCE !== undefined ? { audience: config.AUTH_JWT_AUDIENCE } : {}),
    };
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

  /** The principal of a token; UNAUTHENTICATED (401) for anything short of a valid one. */
  async verify(token: string): Promise<Principal> {
    let claims: JWTPayload;
    try {
      claims = await this.verifySignature(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', REFUSED);
    }
    return principalOfClaims(claims, Math.floor(Date.now() / 1000), this.config.AUTH_MAX_TOKEN_TTL_S);
  }

  /** An HS256 token for `principal` (development, tests); only where an HS256 secret is configured. */
  sign(principal: Principal, expiresInSeconds = 8 * 3600): string {
    if (this.config.AUTH_JWT_SECRET === undefined) throw new Error('No AUTH_JWT_SECRET to sign with');
    const { grantedRoles: _granted, ...claims } = principal;
    return signHs256(timedClaims(claims, expiresInSeconds), this.config.AUTH_JWT_SECRET);
  }

  private async verifySignature(token: string): Promise<JWTPayload> {
    const { alg } = decodeProtectedHeader(token);
    if (alg === 'HS256' && this.secretKey) return this.verifyHs256(token, this.secretKey);
    if (alg !== undefined && IDENTITY_PROVIDER_ALGORITHMS.includes(alg) && this.jwks) {
      return (await jwtVerify(token, this.jwks, { ...this.claimChecks, algorithms: IDENTITY_PROVIDER_ALGORITHMS })).payload;
    }
    throw new errors.JOSEAlgNotAllowed(`"${String(alg)}" is not accepted here`);
  }

  private async verifyHs256(token: string, secretKey: Promise<webcrypto.CryptoKey>): Promise<JWTPayload> {
    const known = this.verifiedHs256.get(token);
    // jose's own expiry rule: a token is expired from its `exp` second on.
    if (known && known.exp > Date.now() / 1000) return known;
    this.verifiedHs256.delete(token);
    const { payload } = await jwtVerify(token, await secretKey, { ...this.claimChecks, algorithms: ['HS256'] });
    if (typeof payload.exp === 'number') {
      if (this.verifiedHs256.size >= VERIFIED_HS256_KEPT) this.verifiedHs256.delete(this.verifiedHs256.keys().next().value!);
      this.verifiedHs256.set(token, { ...payload, exp: payload.exp });
    }
    return payload;
  }

  /**
   * Fetches the JWKS as jose would, telling the operator when it fails: a provider that cannot
   * be reached turns every one of its tokens away (401), and the staff alone would notice.
   * Neither the URL (it may carry a credential) nor any token is logged.
   */
  private async fetchKeySet(url: string, options: RequestInit): Promise<Response> {
    try {
      const response = await fetch(url, options);
      if (response.status !== 200) this.logger.warn({ status: response.status }, 'The identity provider’s JWKS could not be fetched');
      return response;
    } catch (error) {
      const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
      this.logger.warn({ error: name, code: cause?.code }, 'The identity provider’s JWKS could not be fetched');
      throw error;
    }
  }
}
