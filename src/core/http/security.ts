import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app.config.js';
import { CONSOLE_CSP, CONSOLE_ROUTES } from './console-static.js';

/**
 * The HTML pages of Swagger UI (`/docs`) and the queue dashboard (`/admin/queues`), with their
 * assets and calls. Their pages run inline scripts, so they get a relaxed Content-Security-Policy;
 * every other route keeps helmet's strict default. Matched against route patterns, not request URLs.
 */
export const RELAXED_CSP_ROUTES: readonly RegExp[] = [/^\/docs(\/|$)/, /^\/admin\/queues(\/|$)/];

/**
 * Helmet's default policy with inline scripts allowed, and without `upgrade-insecure-requests`,
 * which would send the page's own assets to https on a plain-http development server.
 */
const RELAXED_CSP = {
  contentSecurityPolicy: {
    useDefaults: true,
    directives: { scriptSrc: ["'self'", "'unsafe-inline'"], upgradeInsecureRequests: null },
  },
};

/** Request headers a browser client may send cross-origin, and response headers it may read. */
const CORS_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id'];
const CORS_EXPOSED_HEADERS = [
  'Location',
  'Retry-After',
  'X-Correlation-Id',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
];

/**
 * Security headers (helmet) on every response, and CORS for the configured origins only (none:
 * no CORS headers at all). Call it before any route is added, SwaggerModule.setup included:
 * Fastify runs an `onRoute` hook only for the routes added after it.
 */
export async function applySecurity(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (RELAXED_CSP_ROUTES.some((pattern) => pattern.test(route.url))) {
      // @fastify/helmet reads a route's own options from `config.helmet`, merged over the global ones.
      route.config = { ...route.config, helmet: RELAXED_CSP };
    } else if (CONSOLE_ROUTES.test(route.url)) {
      route.config = { ...route.config, helmet: CONSOLE_CSP };
    }
  });
  await app.register(helmet);

  if (config.CORS_ORIGINS.length > 0) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: CORS_REQUEST_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      // Bearer tokens, never cookies: no credentialed requests.
      credentials: false,
      maxAge: 600,
    });
  }
}
