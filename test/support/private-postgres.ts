import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { sparePort } from './spare-port.js';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own, in a temporary folder on a spare port, to stop and
 * start without touching the shared one. Trust authentication, one database `hedui`.
 */
export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/hedui` */
  url: string;
  start(): Promise<void>;
  /** `pg_ctl stop -m immediate`: connections drop at once, as in a crash. */
  stop(): Promise<void>;
  /** Stops the server if it runs and deletes its folder; safe to call after a failure. */
  destroy(): Promise<void>;
}

export async function privatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBin();
  const port = await sparePort();
  const dir = mkdtempSync(join(tmpdir(), 'hedui-pg-'));
  const data = join(dir, 'data');
  // initdb and postgres refuse to run as root: as root, run them as the postgres OS user.
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const [uid, gid] = await Promise.all(['-u', '-g'].map(async (flag) => Number((await run('id', [flag, 'postgres'])).stdout.trim())));
    chownSync(dir, uid, gid);
  }
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { timeout: 60000 })
      : run(join(bin, tool), args, { timeout: 60000 });
  const running = () => existsSync(join(data, 'postmaster.pid'));

  const instance: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/hedui`,
    async start() {
      // -w waits until the server accepts connections (at most -t seconds).
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
      await pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', options, 'start']);
    },
    async stop() {
      if (running()) await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']);
    },
    async destroy() {
      try {
        await instance.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await instance.start();
    const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE hedui');
    } finally {
      await admin.end();
    }
  } catch (error) {
    await instance.destroy();
    throw error;
  }
  return instance;
}

/** The newest installed server's binaries (Debian layout), else whatever is on the PATH. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  if (versions.length === 0) return '';
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return join(root, newest, 'bin');
}
