import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { configVariables, DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/core/config/app.config.js';

/**
 * Docker cannot run here, so the container files are checked as text: the compose file's
 * settings must be ones the service reads and must pass its own validation, and the image
 * must be multi-stage, non-root and production-only. Production must be configured on
 * purpose: compose gives no secret and no registry of its own, so the service refuses to
 * start until the operator names them (or asks for the sandbox in so many words).
 */
describe('docker/compose.yaml', () => {
  const compose = parse(readFileSync('docker/compose.yaml', 'utf8'), { merge: true });
  const services = compose.services as Record<string, any>;
  const hedui = Object.entries(services).filter(([, service]) => service.environment?.SERVICE_MODE);

  /**
   * The environment as compose would hand it over from the operator's `host` environment:
   * `${VAR:?…}` must be set and non-empty (or compose itself refuses), `${VAR:-x}` is x when
   * VAR is unset or empty, `${VAR}` is empty when unset.
   */
  const resolved = (environment: Record<string, string>, host: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(environment).map(([key, value]) => [
        key,
        String(value).replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, operator?: string, argument?: string) => {
          const given = host[name];
          if (operator === '?' && !given) throw new Error(`compose refuses: ${name}: ${argument}`);
          if (operator === '-') return given || (argument ?? '');
          return given ?? '';
        }),
      ]),
    );
  /** What the service's configuration makes of one service's environment. */
  const configOf = (name: string, host: Record<string, string>) => loadConfig(resolved(services[name].environment, host));
  const refusal = (name: string, host: Record<string, string>) => {
    try {
      configOf(name, host);
    } catch (error) {
      return (error as Error).message;
    }
    return 'started';
  };

  const POSTGRES = {
    POSTGRES_PASSWORD: 'secret',
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
  const TRAINING = { ...POSTGRES, AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-bytes', REGISTRY_SANDBOX: 'true' };
  const REAL = {
    ...POSTGRES,
    AUTH_JWKS_URL: 'https://sso.example.gov.cn/realms/staff/protocol/openid-connect/certs',
    AUTH_JWT_ISSUER: 'https://sso.example.gov.cn/realms/staff',
    AUTH_JWT_AUDIENCE: 'hedui',
    HOUSEHOLD_REGISTRY_URL: 'https://household.example.gov.cn/api',
    VEHICLE_REGISTRY_URL: 'https://vehicle.example.gov.cn/api',
    BUSINESS_REGISTRY_URL: 'https://business.example.gov.cn/api',
  };

  it('runs one API process and two workers', () => {
    expect(hedui.map(([name, service]) => [name, service.environment.SERVICE_MODE, service.deploy?.replicas ?? 1])).toEqual([
      ['api', 'api', 1],
      ['worker', 'worker', 2],
    ]);
  });

  it.each(['api', 'worker'])('gives %s only settings the service reads, and valid ones', (name) => {
    const environment = resolved(services[name].environment, TRAINING);
    const known = new Set(configVariables());
    expect(Object.keys(environment).filter((key) => !known.has(key))).toEqual([]);
    const config = loadConfig(environment);
    expect(config.NODE_ENV).toBe('production');
    expect(config.DATABASE_URL).toMatch(/^postgres:\/\/hedui:secret@postgres:5432\/hedui$/);
    expect(config.SERVICE_MODE).toBe(name);
  });

  it.each(['api', 'worker'])('does not start %s on its defaults: no secret or identity provider, no registries, no sandbox', (name) => {
    expect(refusal(name, {})).toMatch(/compose refuses: POSTGRES_PASSWORD/);
    const message = refusal(name, POSTGRES);
    for (const variable of ['AUTH_JWT_SECRET', 'HOUSEHOLD_REGISTRY_URL', 'VEHICLE_REGISTRY_URL', 'BUSINESS_REGISTRY_URL']) {
      expect(message).toMatch(new RegExp(`^\\s*${variable}: required`, 'm'));
    }
    expect(resolved(services[name].environment, POSTGRES).REGISTRY_SANDBOX).toBe('false');
    // A secret alone is not enough: the registries are still missing, and the sandbox is not assumed.
    expect(refusal(name, { ...POSTGRES, AUTH_JWT_SECRET: TRAINING.AUTH_JWT_SECRET })).toMatch(/HOUSEHOLD_REGISTRY_URL: required/);
    // Nor is the development secret.
    expect(refusal(name, { ...TRAINING, AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toMatch(
      /AUTH_JWT_SECRET: the published development secret/,
    );
  });

  it.each(['api', 'worker'])('starts %s as a training deployment only with REGISTRY_SANDBOX=true said out loud', (name) => {
    expect(configOf(name, TRAINING)).toMatchObject({ REGISTRY_SANDBOX: true, HOUSEHOLD_REGISTRY_URL: undefined });
  });

  it.each(['api', 'worker'])('starts %s with an identity provider and the real registries, over https only', (name) => {
    expect(configOf(name, REAL)).toMatchObject({ REGISTRY_SANDBOX: false, AUTH_JWT_SECRET: undefined, AUTH_JWT_AUDIENCE: 'hedui' });
    expect(refusal(name, { ...REAL, VEHICLE_REGISTRY_URL: 'http://vehicle.example.gov.cn/api' })).toMatch(
      /VEHICLE_REGISTRY_URL: must be https:\/\//,
    );
    expect(refusal(name, { ...REAL, AUTH_JWKS_URL: 'http://sso.example.gov.cn/certs' })).toMatch(/AUTH_JWKS_URL: must be https:\/\//);
  });

  it('stops the service no sooner than its jobs have had their grace period', () => {
    for (const [, service] of hedui) {
      const grace = Number(resolved(service.environment, TRAINING).SHUTDOWN_GRACE_MS ?? loadConfig({ NODE_ENV: 'test' }).SHUTDOWN_GRACE_MS);
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
    expect(runtime).toContain(`EXPOSE ${loadConfig({ NODE_ENV: 'test' }).PORT}`);
    const copied = stages[0]
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from'))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(copied.filter((path) => !existsSync(path))).toEqual([]);
    expect(JSON.parse(readFileSync('tsconfig.build.json', 'utf8')).compilerOptions.outDir).toBe('dist');
  });
});

/** The README is the operator's manual: production there must say what compose and the configuration ask. */
describe('README.md', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = (heading: string) => {
    const start = readme.indexOf(`\n## ${heading}\n`);
    expect(start).toBeGreaterThan(-1);
    const end = readme.indexOf('\n## ', start + 1);
    return readme.slice(start, end === -1 ? undefined : end);
  };

  it('documents every variable the service reads in its Configuration table', () => {
    const table = section('Configuration');
    expect(configVariables().filter((variable) => !table.includes(`\`${variable}\``))).toEqual([]);
  });

  it('says that production needs a secret or an identity provider, and registries or REGISTRY_SANDBOX=true', () => {
    const production = section('Production');
    for (const needed of ['`AUTH_JWT_SECRET`', '`AUTH_JWKS_URL`', '`*_REGISTRY_URL`', '`REGISTRY_SANDBOX=true`', 'at least 32 bytes']) {
      expect(production).toContain(needed);
    }
  });

  it('says how to run with an identity provider: the variables and the claims it reads', () => {
    const production = section('Production');
    for (const variable of ['`AUTH_JWKS_URL`', '`AUTH_JWT_ISSUER`', '`AUTH_JWT_AUDIENCE`', '`AUTH_MAX_TOKEN_TTL_S`']) {
      expect(production).toContain(variable);
    }
    for (const claim of ['sub', 'roles', 'region', 'exp', 'iat']) expect(production).toMatch(new RegExp(`\`${claim}\`[^\\n]*`));
  });

  it('keeps the two quick-start commands', () => {
    expect(section('Quick start')).toContain('npm ci && npm start');
    expect(section('Quick start')).toContain('npm ci && npm test');
  });
});
