import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { configVariables, loadConfig } from '../../src/core/config/app.config.js';

/**
 * Docker cannot run here, so the container files are checked as text: the compose file's
 * settings must be ones the service reads and must pass its own validation, and the image
 * must be multi-stage, non-root and production-only.
 */
describe('docker/compose.yaml', () => {
  const compose = parse(readFileSync('docker/compose.yaml', 'utf8'), { merge: true });
  const services = compose.services as Record<string, any>;
  const hedui = Object.entries(services).filter(([, service]) => service.environment?.SERVICE_MODE);

  /** Values for the settings compose requires that must be well formed to pass validation. */
  const required: Record<string, string> = {
    AUTH_JWT_SECRET: 'a-production-secret-of-some-length',
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
  /** The environment as compose would hand it over, with `${VAR:?…}` given a value and `${VAR:-x}` its default. */
  const resolved = (environment: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(environment).map(([key, value]) => [
        key,
        String(value)
          .replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => required[name] ?? 'secret')
          .replace(/\$\{\w+:-([^}]*)\}/g, '$1'),
      ]),
    );

  it('runs one API process and two workers', () => {
    expect(hedui.map(([name, service]) => [name, service.environment.SERVICE_MODE, service.deploy?.replicas ?? 1])).toEqual([
      ['api', 'api', 1],
      ['worker', 'worker', 2],
    ]);
  });

  it.each(['api', 'worker'])('gives %s only settings the service reads, and valid ones', (name) => {
    const environment = resolved(services[name].environment);
    const known = new Set(configVariables());
    expect(Object.keys(environment).filter((key) => !known.has(key))).toEqual([]);
    const config = loadConfig(environment);
    expect(config.NODE_ENV).toBe('production');
    expect(config.DATABASE_URL).toMatch(/^postgres:\/\/hedui:secret@postgres:5432\/hedui$/);
    expect(config.SERVICE_MODE).toBe(name);
  });

  it('stops the service no sooner than its jobs have had their grace period', () => {
    for (const [, service] of hedui) {
      const grace = Number(resolved(service.environment).SHUTDOWN_GRACE_MS ?? loadConfig({}).SHUTDOWN_GRACE_MS);
      expect(Number(/^(\d+)s$/.exec(service.stop_grace_period)?.[1]) * 1000).toBeGreaterThan(grace);
    }
  });

  it('keeps every Redis key: append-only file, no eviction', () => {
    const command: string[] = services.redis.command;
    expect(command.join(' ')).toMatch(/--appendonly yes/);
    expect(command.join(' ')).toMatch(/--maxmemory-policy noeviction/);
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = readFileSync('docker/Dockerfile', 'utf8');
  const instructions = dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = instructions.reduce<string[][]>(
    (all, line) => (line.startsWith('FROM ') ? [...all, [line]] : (all.at(-1)?.push(line), all)),
    [],
  );
  const runtime = stages.at(-1)!;

  it('builds in one stage and runs from another, with production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0].join('\n')).toMatch(/npm prune --omit=dev|npm ci --omit=dev/);
    expect(runtime.filter((line) => /^RUN npm (ci|install)/.test(line))).toEqual([]);
  });

  it('runs as a user other than root', () => {
    const user = runtime.filter((line) => line.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)(:|$)/);
  });

  it('starts the build output on the default port, and copies only what exists', () => {
    expect(runtime).toContain('CMD ["node", "dist/src/main.js"]');
    expect(runtime).toContain(`EXPOSE ${loadConfig({}).PORT}`);
    const copied = stages[0]
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from'))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(copied.filter((path) => !existsSync(path))).toEqual([]);
    expect(JSON.parse(readFileSync('tsconfig.build.json', 'utf8')).compilerOptions.outDir).toBe('dist');
  });
});
