import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { sparePort } from './spare-port.js';

/** A redis-server of the test's own on a spare port, to stop and start without touching the shared one. */
export interface PrivateRedis {
  url: string;
  /** Starts the server on the same port (and, with persistence, the same data folder). */
  start(): Promise<void>;
  /** SIGKILL: gone at once. Without persistence nothing is kept; with `aof`, every acknowledged write is. */
  kill(): Promise<void>;
  /** SIGTERM: a clean shutdown, which with `aof` flushes the append-only file first. */
  stop(): Promise<void>;
  /** Stops the server if it runs and deletes its data folder, if any. */
  destroy(): Promise<void>;
}

export interface PrivateRedisOptions {
  /** `aof`: an append-only file (fsync on every write) in a temporary folder, so that a restart keeps the data. */
  persistence?: 'none' | 'aof';
}

export async function privateRedis(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
  const port = await sparePort();
  const dir = options.persistence === 'aof' ? mkdtempSync(join(tmpdir(), 'hedui-redis-')) : undefined;
  const persistence = dir ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir] : ['--appendonly', 'no'];
  let server: ChildProcess | undefined;
  const end = async (signal: NodeJS.Signals) => {
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill(signal);
    await exited;
  };
  const instance: PrivateRedis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], {
        stdio: 'ignore',
      });
      await waitUntil(async () => {
        const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        try {
          await client.connect();
          // A server still loading its append-only file answers PING with a LOADING error.
          return (await client.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          client.disconnect();
        }
      });
    },
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
    async destroy() {
      await end('SIGKILL');
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  await instance.start();
  return instance;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('redis-server did not come up');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
