import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { sparePort } from './spare-port.js';

/** A redis-server of the test's own on a spare port, to stop and start without touching the shared one. */
export interface PrivateRedis {
  url: string;
  start(): Promise<void>;
  /** SIGKILL: gone at once, with nothing kept (no persistence). */
  kill(): Promise<void>;
}

export async function privateRedis(): Promise<PrivateRedis> {
  const port = await sparePort();
  let server: ChildProcess | undefined;
  const instance: PrivateRedis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      });
      await waitUntil(async () => {
        const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        try {
          await client.connect();
          return (await client.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          client.disconnect();
        }
      });
    },
    async kill() {
      if (!server || server.exitCode !== null) return;
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGKILL');
      await exited;
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
