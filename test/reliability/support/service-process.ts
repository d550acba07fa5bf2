import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sparePort } from '../../support/spare-port.js';
import { simulatorEnv } from '../../support/test-app.js';
import { RELIABILITY_AUDIT_SIGNING_KEY, RELIABILITY_JWT_SECRET } from './tokens.js';

/** The built service; `npm run test:reliability` builds it first. */
export const SERVICE_MAIN = resolve('dist/src/main.js');

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceOptions {
  /** Names the log file and the process in messages, e.g. `service-1`. */
  name: string;
  /** Where the log file goes. */
  logDir: string;
  redisUrl: string;
  queuePrefix: string;
  /** `DATABASE_URL` or `SQLITE_PATH`, as `TestDatabase.env` gives it. */
  databaseEnv: Record<string, string>;
  /** The registry simulator to use; unset: the built-in sandbox registries. */
  registries?: { url: string; token: string };
  /** Any further setting, applied last. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/** One service process (API and workers), ready when returned. */
export interface ServiceProcess {
  name: string;
  url: string;
  pid: number;
  /** Its stdout and stderr. */
  logPath: string;
  /** Settles when the process has exited, however. */
  exited: Promise<ExitInfo>;
  /** Whether the process has not exited yet. */
  running(): boolean;
  /** Sends `signal` (default SIGTERM) and waits for the exit; SIGKILL after `graceMs` if it is still running. */
  kill(signal?: NodeJS.Signals, graceMs?: number): Promise<ExitInfo>;
}

/** The settings every service process of the suite starts with, before the scenario's own. */
export function serviceEnv(options: ServiceOptions, port: number): Record<string, string> {
  return {
    PORT: String(port),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: RELIABILITY_JWT_SECRET,
    AUDIT_SIGNING_KEY: RELIABILITY_AUDIT_SIGNING_KEY,
    QUEUE_PREFIX: options.queuePrefix,
    REDIS_URL: options.redisUrl,
    ...options.databaseEnv,
    ...(options.registries ? simulatorEnv(options.registries.url, options.registries.token) : {}),
    VERIFICATION_REQUEUE_AFTER_MS: '3000',
    VERIFICATION_SWEEP_INTERVAL_MS: '1000',
    // Scenarios send thousands of requests with one token.
    API_RATE_LIMIT: '0',
    // No re-verification scheduler: its next firing would count as a job left in a queue.
    REVERIFICATION_SCHEDULE: '',
    ...options.env,
  };
}

/** Starts `node dist/src/main.js` with the settings and waits until `GET /health/ready` answers 200. */
export async function startService(options: ServiceOptions): Promise<ServiceProcess> {
  if (!existsSync(SERVICE_MAIN)) throw new Error(`${SERVICE_MAIN} is missing: run npm run build first`);
  const port = await sparePort();
  const logPath = join(options.logDir, `${options.name}.log`);
  const log = openSync(logPath, 'a');
  // Only PATH from this process: a developer's DATABASE_URL or REDIS_URL must not leak into a scenario.
  const child = spawn(process.execPath, [SERVICE_MAIN], {
    env: { PATH: process.env.PATH ?? '', ...serviceEnv(options, port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<ExitInfo>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const service: ServiceProcess = {
    name: options.name,
    url,
    pid: child.pid!,
    logPath,
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
    async kill(signal = 'SIGTERM', graceMs = 10000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  try {
    await waitReady(url, exited, options.readyTimeoutMs ?? 30000);
  } catch (error) {
    await service.kill('SIGKILL');
    throw new Error(`${options.name} did not become ready: ${(error as Error).message}\n${tail(logPath)}`);
  }
  return service;
}

/**
 * Starts `count` identical processes on one database and one Redis: the first alone, since
 * each runs the migrations at start-up, then the others together.
 */
export async function startServices(count: number, options: Omit<ServiceOptions, 'name'>, firstNumber = 1): Promise<ServiceProcess[]> {
  const name = (n: number) => `service-${firstNumber + n}`;
  const first = await startService({ ...options, name: name(0) });
  const others = await Promise.allSettled(Array.from({ length: count - 1 }, (_, n) => startService({ ...options, name: name(n + 1) })));
  const started = [first, ...others.flatMap((other) => (other.status === 'fulfilled' ? [other.value] : []))];
  const failure = others.find((other) => other.status === 'rejected');
  if (failure) {
    // None is left running when the caller gets no handle on it.
    await Promise.all(started.map((service) => service.kill('SIGKILL')));
    throw failure.reason;
  }
  return started;
}

async function waitReady(url: string, exited: Promise<ExitInfo>, timeoutMs: number): Promise<void> {
  let exit: ExitInfo | undefined;
  void exited.then((info) => (exit = info));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exit) throw new Error(`exited early (code ${exit.code}, signal ${exit.signal})`);
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`/health/ready not 200 within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The last lines of a log file, to quote in an error. */
export function tail(path: string, lines = 30): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
