import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startRegistrySimulator,
  type RegistrySimulator,
  type SimulatorOptions,
} from '../../../src/modules/registries/sandbox/registry-simulator.server.js';
import { privatePostgres, type PrivatePostgres } from '../../support/private-postgres.js';
import { privateRedis, type PrivateRedis, type PrivateRedisOptions } from '../../support/private-redis.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-databases.js';
import { startServices, type ServiceProcess } from './service-process.js';

export const SIMULATOR_TOKEN = 'reliability-registry-token';

export interface EnvironmentOptions {
  /** A registry simulator in this process, its faults changeable while the services run; false: the built-in sandbox. */
  simulator?: SimulatorOptions | false;
  redis?: PrivateRedisOptions;
  /** `private`: a PostgreSQL server of the scenario's own, to stop and start; default: a fresh database on the shared server. */
  database?: 'shared' | 'private';
}

/**
 * What one scenario runs on: a private redis-server, a fresh database on the shared
 * PostgreSQL (or a private PostgreSQL server), optionally the registry simulator, a folder
 * for the service logs, and the service processes it starts.
 */
export interface ScenarioEnvironment {
  redis: PrivateRedis;
  /** The private PostgreSQL server, when the scenario asked for one. */
  postgres: PrivatePostgres | undefined;
  databaseUrl: string;
  queuePrefix: string;
  simulator: RegistrySimulator | undefined;
  logDir: string;
  /** Every service process started, in order. */
  services: ServiceProcess[];
  /** Starts `count` more service processes with the scenario's settings plus `env`. */
  startServices(count: number, env?: Record<string, string>): Promise<ServiceProcess[]>;
  /** Runs `work`; if it fails, the error names the service log files, which are then kept. */
  withLogs<T>(work: () => Promise<T>): Promise<T>;
  /** Stops everything and removes the database, the Redis data and (unless a failure kept them) the logs. */
  close(): Promise<void>;
}

export async function scenarioEnvironment(options: EnvironmentOptions = {}): Promise<ScenarioEnvironment> {
  const logDir = mkdtempSync(join(tmpdir(), 'hedui-reliability-'));
  const redis = await privateRedis(options.redis);
  let database: TestDatabase | undefined;
  let postgres: PrivatePostgres | undefined;
  let simulator: RegistrySimulator | undefined;
  try {
    if (options.database === 'private') {
      postgres = await privatePostgres();
      database = { env: { DATABASE_URL: postgres.url }, drop: () => postgres!.destroy() };
    } else {
      database = await createTestDatabase('postgres');
    }
    if (options.simulator !== false) simulator = await startRegistrySimulator({ token: SIMULATOR_TOKEN, ...options.simulator });
  } catch (error) {
    await redis.destroy();
    await database?.drop();
    throw error;
  }
  const queuePrefix = `hedui-rel-${randomBytes(4).toString('hex')}`;
  const services: ServiceProcess[] = [];
  let keepLogs = false;

  const environment: ScenarioEnvironment = {
    redis,
    postgres,
    databaseUrl: database.env.DATABASE_URL,
    queuePrefix,
    simulator,
    logDir,
    services,
    async startServices(count, env = {}) {
      const started = await startServices(
        count,
        {
          logDir,
          redisUrl: redis.url,
          queuePrefix,
          databaseEnv: database!.env,
          registries: simulator ? { url: simulator.url, token: SIMULATOR_TOKEN } : undefined,
          env,
        },
        services.length + 1,
      );
      services.push(...started);
      return started;
    },
    async withLogs(work) {
      try {
        return await work();
      } catch (error) {
        keepLogs = true;
        const logs = services.map((service) => `  ${service.name} (pid ${service.pid}): ${service.logPath}`).join('\n');
        if (error instanceof Error) error.message += `\nService logs:\n${logs || `  none started; folder ${logDir}`}`;
        throw error;
      }
    },
    async close() {
      await Promise.all(services.map((service) => service.kill('SIGTERM', 5000)));
      await simulator?.close();
      await database!.drop();
      await redis.destroy();
      if (!keepLogs) rmSync(logDir, { recursive: true, force: true });
    },
  };
  return environment;
}
