import 'reflect-metadata';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createApp } from '../../src/app.factory.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/core/config/app.config.js';
import type { AppOptions } from '../../src/app.module.js';
import { QueueName } from '../../src/core/queue/queue.types.js';
import { AuditSealer } from '../../src/modules/audit/sealing/audit-sealer.js';
import type { Role } from '../../src/modules/auth/principal.js';
import { TokenService } from '../../src/modules/auth/token.service.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-databases.js';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  token(roles: Role | Role[], sub?: string, region?: string): string;
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  /** Polls the job counts until no queue holds work, none left waiting for its children included. */
  queuesDrained(timeoutMs?: number): Promise<void>;
  /** Seals every audit event committed so far, and signs a checkpoint of the head: what the audit endpoints then show. */
  auditSealed(): Promise<void>;
  /** Polls the application until its current verification has a determination. */
  waitForDetermination(id: string, token: string, timeoutMs?: number): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface TestAppOptions extends AppOptions {
  /** Runs on the created app before it is initialised: a Fastify `onRoute` hook added here sees every controller route. */
  beforeInit?(app: NestFastifyApplication): void;
}

/**
 * The whole service in-process on a real HTTP port, with a fresh database of the kind asked
 * and its own queue prefix on the real Redis, so that test files never see each other's jobs.
 */
export async function startTestApp(kind: DatabaseKind, env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase(kind);
  const prefix = `hedui-test-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET,
    // Suites send thousands of requests with one token; the rate-limit suite sets its own limit.
    API_RATE_LIMIT: '0',
    // No nightly re-verification scheduler: its next firing would wait in the queue as a delayed
    // job, so the queues would never count as drained. The re-verification suite sets its own.
    REVERIFICATION_SCHEDULE: '',
    // On SQLite the development key is generated beside the database file, in its temporary folder.
    ...(kind === 'postgres' ? { AUDIT_SIGNING_KEY: auditSigningKey() } : {}),
    ...database.env,
    ...env,
  });
  const tokens = new TokenService(config);
  const { beforeInit, ...coreOptions } = options;
  const app = await createApp(config, coreOptions);
  beforeInit?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const request: TestApp['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };

  return {
    app,
    baseUrl,
    request,
    token: (roles, sub = 'staff-1', region) =>
      tokens.sign({ sub, roles: Array.isArray(roles) ? roles : [roles], ...(region ? { region } : {}) }),
    auditSealed: () => app.get(AuditSealer).sealPending(),
    async waitForDetermination(id, token, timeoutMs = 30000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const response = await request('GET', `/v1/applications/${id}`, { token });
        const settled = response.body?.determination && response.body.determination.verificationId === response.body.verificationId;
        if (settled) return response;
        if (Date.now() > deadline) throw new Error(`No determination for ${id} within ${timeoutMs} ms (status ${response.body?.status})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async queuesDrained(timeoutMs = 30000) {
      const queues = Object.values(QueueName).map((name) => app.get<Queue>(getQueueToken(name)));
      for (const deadline = Date.now() + timeoutMs; ;) {
        const counts = await Promise.all(queues.map((queue) => queue.getJobCounts('active', 'waiting', 'delayed', 'waiting-children')));
        if (counts.every((count) => Object.values(count).every((value) => value === 0))) return;
        if (Date.now() > deadline) throw new Error(`queues not drained: ${JSON.stringify(counts)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      await app.close();
      await database.drop();
      await deleteKeys(prefix);
    },
  };
}

/** Deletes every key under `prefix` on the test Redis. */
export async function deleteKeys(prefix: string, redisUrl = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A fresh Ed25519 signing key for the audit log's checkpoints, as PKCS#8 PEM text. */
export function auditSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/** The settings that point all three registries at one registry simulator. */
export function simulatorEnv(url: string, token: string): Record<string, string> {
  return {
    HOUSEHOLD_REGISTRY_URL: url,
    VEHICLE_REGISTRY_URL: url,
    BUSINESS_REGISTRY_URL: url,
    HOUSEHOLD_REGISTRY_TOKEN: token,
    VEHICLE_REGISTRY_TOKEN: token,
    BUSINESS_REGISTRY_TOKEN: token,
  };
}
