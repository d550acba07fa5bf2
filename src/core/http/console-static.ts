import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app.config.js';

/** Where the reviewer console is served. */
export const CONSOLE_PREFIX = '/console';

/**
 * The console's policy: its own bundled scripts and styles only, no inline script, no other
 * origin, its API calls to this service alone, never framed.
 */
export const CONSOLE_CSP = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
    },
  },
};

/** Route patterns of the console's pages and assets, for the per-route CSP. */
export const CONSOLE_ROUTES = /^\/console(\/|$)/;

/**
 * Serves the built console: its static files under `/console/` (`index.html` for the folder
 * itself; the app routes by the URL's hash, so no other path stands for a page), and `/console`
 * redirected there. Without a build the service starts all the same, and `/console` is a 404.
 */
export async function serveConsole(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  if (config.SERVICE_MODE === 'worker') return;
  const root = resolve(config.CONSOLE_DIR);
  if (!existsSync(resolve(root, 'index.html'))) {
    new Logger('Console').log({ consoleDir: config.CONSOLE_DIR }, 'The console is not built (npm run build): /console is not served');
    return;
  }
  // Hash routing in the console: every file is a real one, so a missing one is a plain 404.
  await app.register(fastifyStatic as never, { root, prefix: `${CONSOLE_PREFIX}/`, index: ['index.html'], decorateReply: false });
  app
    .getHttpAdapter()
    .getInstance()
    .get(CONSOLE_PREFIX, (_request, reply) => reply.redirect(`${CONSOLE_PREFIX}/`));
}
