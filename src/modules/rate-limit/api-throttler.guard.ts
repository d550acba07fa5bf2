import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerException,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../../core/config/app.config.js';
import type { Principal } from '../auth/principal.js';
import { TokenService } from '../auth/token.service.js';

/** Route patterns never limited: probes, scrapes and documentation must answer whatever the load. */
const UNLIMITED_ROUTES: readonly RegExp[] = [/^\/health(\/|$)/, /^\/metrics(\/|$)/, /^\/docs/];

type ThrottledRequest = FastifyRequest & { principal?: Principal };

/**
 * API_RATE_LIMIT requests per API_RATE_LIMIT_WINDOW_MS, in one bucket per staff member (the
 * token's `sub`, across all endpoints) or, without a valid token, per client IP. It works out the
 * caller itself, so it does not matter whether it runs before or after the AuthGuard.
 */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly config: AppConfig,
    private readonly tokens: TokenService,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (this.config.API_RATE_LIMIT === 0) return true;
    const route = context.switchToHttp().getRequest<ThrottledRequest>().routeOptions.url ?? '';
    return UNLIMITED_ROUTES.some((pattern) => pattern.test(route));
  }

  protected override async getTracker(request: Record<string, any>): Promise<string> {
    const principal = (request as ThrottledRequest).principal ?? (await this.principalOf(request as ThrottledRequest));
    return principal ? `sub:${principal.sub}` : `ip:${await super.getTracker(request)}`;
  }

  /** One bucket per caller for the whole API (the library's default is one per endpoint). */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // The guard has already set Retry-After; the problem-details filter turns this into a 429 problem.
    throw new ThrottlerException(
      `Too many requests: at most ${detail.limit} every ${detail.ttl / 1000} s; retry after ${detail.timeToBlockExpire} s.`,
    );
  }

  private async principalOf(request: ThrottledRequest): Promise<Principal | undefined> {
    try {
      return await this.tokens.principalOf(request);
    } catch {
      return undefined;
    }
  }
}
