import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../core/config/app.config.js';
import { buildOpenApiDocument } from '../core/http/openapi.js';
import { CONSOLE_API_TYPES, openApiTypes } from './openapi-types.js';

/**
 * Writes the console's API types from the service's own OpenAPI document:
 *   npm run console:api-types
 * The document is built by the application itself (an API process on a throw-away SQLite file and
 * its own Redis prefix, removed afterwards), exactly as `/docs-json` serves it.
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hedui-openapi-'));
  const prefix = `hedui-openapi-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    LOG_LEVEL: 'silent',
    SERVICE_MODE: 'api',
    SQLITE_PATH: join(dir, 'hedui.sqlite'),
    DATABASE_URL: '',
    QUEUE_PREFIX: prefix,
    REVERIFICATION_SCHEDULE: '',
  });
  const app = await createApp(config);
  try {
    writeFileSync(CONSOLE_API_TYPES, await openApiTypes(buildOpenApiDocument(app)));
    console.log(`wrote ${CONSOLE_API_TYPES}`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    const redis = new Redis(config.REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
