import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sparePort } from '../test/support/spare-port.js';

const MAIN = resolve('dist/src/main.js');
const HOOK = resolve('dist/bench/sql-count-hook.js');

export interface ServiceProcess {
  role: 'api' | 'worker';
  url: string;
  child: ChildProcess;
  logPath: string;
}

/** The service as deployed: one API process and worker processes, each `node dist/src/main.js` with its SERVICE_MODE. */
export interface ServiceProcesses {
  api: ServiceProcess;
  workers: ServiceProcess[];
  /** Statements sent to PostgreSQL by all the processes so far. */
  sqlStatements(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts the API process (which runs the migrations) and then the workers, and waits until
 * each answers /health/ready. Their logs go to a temporary folder, named in errors.
 */
export async function startServiceProcesses(env: Record<string, string>, workers: number): Promise<ServiceProcesses> {
  if (!existsSync(MAIN) || !existsSync(HOOK)) throw new Error('dist is missing: npm run bench builds it first');
  const dir = mkdtempSync(join(tmpdir(), 'hedui-bench-'));
  const started: ServiceProcess[] = [];
  const start = async (role: ServiceProcess['role'], index: number): Promise<ServiceProcess> => {
    const port = await sparePort();
    const logPath = join(dir, `${role}-${index}.log`);
    const log = openSync(logPath, 'a');
    const child = spawn(process.execPath, ['--import', HOOK, MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        ...env,
        SERVICE_MODE: role,
        PORT: String(port),
        BENCH_SQL_COUNT_FILE: join(dir, `${role}-${index}.sql`),
      },
      stdio: ['ignore', log, log],
    });
    const service = { role, url: `http://127.0.0.1:${port}`, child, logPath };
    started.push(service);
    await waitReady(service);
    return service;
  };
  try {
    const api = await start('api', 0);
    const workerProcesses = [];
    for (let index = 0; index < workers; index++) workerProcesses.push(await start('worker', index));
    return {
      api,
      workers: workerProcesses,
      sqlStatements: async () => (await Promise.all(started.map((service) => statementsOf(service, dir)))).reduce((a, b) => a + b, 0),
      stop: async () => {
        await Promise.all(started.map(stop));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(started.map(stop));
    throw error;
  }
}

async function waitReady(service: ServiceProcess): Promise<void> {
  for (const deadline = Date.now() + 60_000; ;) {
    if (service.child.exitCode !== null) throw new Error(`${service.role} exited at start; log: ${tail(service.logPath)}`);
    try {
      const response = await fetch(`${service.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${service.role} not ready within 60 s; log: ${tail(service.logPath)}`);
    await sleep(100);
  }
}

/** Asks the process for its count (SIGUSR2) and waits for the answer it writes. */
async function statementsOf(service: ServiceProcess, dir: string): Promise<number> {
  const file = join(dir, `${service.role}-${service.logPath.match(/-(\d+)\.log$/)![1]}.sql`);
  const read = () => (existsSync(file) ? readFileSync(file, 'utf8').split(' ').map(Number) : [0, 0]);
  const [reportsBefore] = read();
  service.child.kill('SIGUSR2');
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await sleep(10)) {
    const [reports, statements] = read();
    if (reports > reportsBefore) return statements;
  }
  throw new Error(`${service.role} did not report its SQL statements`);
}

async function stop(service: ServiceProcess): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  const exited = new Promise((resolve) => service.child.once('exit', resolve));
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}
