import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { DEVELOPMENT_JWT_SECRET } from '../../src/core/config/app.config.js';
import { signHs256, timedClaims } from '../../src/modules/auth/hs256-token.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { http } from './support/http.js';
import { report } from './support/report.js';
import { scenarioEnvironment, type ScenarioEnvironment } from './support/scenario-environment.js';
import { SERVICE_MAIN } from './support/service-process.js';

const SECRET = 'a-deployment-secret-of-at-least-32-bytes';
const TOKEN_TOOL = 'dist/src/tools/token.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (at most `timeoutMs`, then SIGKILL) with exactly `env` plus PATH and HOME. */
function run(command: string, args: string[], env: Record<string, string>, timeoutMs = 60000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

/**
 * Production is what an unset NODE_ENV means, and it fails closed: the built service started
 * as an operator might forget to configure it stops at once naming what is missing, and a
 * production process takes no token signed with the published development secret.
 */
describe('09 production start-up', () => {
  it('stops at once, non-zero, naming AUTH_JWT_SECRET and each registry URL, when started without NODE_ENV or settings', async () => {
    // Only PATH and HOME: no NODE_ENV, no secret, no registry.
    const result = await run(process.execPath, [SERVICE_MAIN], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\s*AUTH_JWT_SECRET: required outside development and test/m);
    expect(result.stderr).toMatch(/^\s*AUDIT_SIGNING_KEY: required outside development and test/m);
    for (const name of ['HOUSEHOLD_REGISTRY_URL', 'VEHICLE_REGISTRY_URL', 'BUSINESS_REGISTRY_URL']) {
      expect(result.stderr).toMatch(new RegExp(`^\\s*${name}: required outside development and test`, 'm'));
    }
    expect(result.stdout).not.toMatch(/listening|Nest application successfully started/i);
  });

  it('stops when given the published development secret in production', async () => {
    const result = await run(process.execPath, [SERVICE_MAIN], {
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET,
      REGISTRY_SANDBOX: 'true',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/AUTH_JWT_SECRET: the published development secret is refused/);
  });

  describe('a production process (NODE_ENV unset) with its own secret, as a training deployment', () => {
    let environment: ScenarioEnvironment;

    beforeAll(async () => {
      environment = await scenarioEnvironment({ simulator: false });
      // The suite's processes run with NODE_ENV=test; empty counts as unset.
      await environment.startServices(1, { NODE_ENV: '', AUTH_JWT_SECRET: SECRET, REGISTRY_SANDBOX: 'true' });
    });
    afterAll(async () => {
      await environment?.close();
    });

    it('refuses a token signed with the development secret, takes its own, and says the sandbox answers', () =>
      environment.withLogs(async () => {
        const [service] = environment.services;
        const forged = signHs256(timedClaims({ sub: 'intruder', roles: ['admin'] }, 600), DEVELOPMENT_JWT_SECRET);
        const own = signHs256(timedClaims({ sub: 'intake-production', roles: ['intake'] }, 600), SECRET);

        const refused = await http(service.url, 'GET', '/v1/applications', { token: forged });
        expect(refused.status).toBe(401);
        const submitted = await http(service.url, 'POST', '/v1/applications', { token: own, body: SANDBOX_CASES[0].application });
        expect(submitted.status).toBe(202);
        expect((await http(service.url, 'GET', '/health/ready')).body).toMatchObject({ registrySandbox: true });

        const deadline = Date.now() + 60000;
        let determination: any;
        while (!determination) {
          determination = (await http(service.url, 'GET', `/v1/applications/${submitted.body.id}`, { token: own })).body.determination;
          if (!determination && Date.now() > deadline) throw new Error('no determination within 60 s');
          if (!determination) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(determination.facts.registrySandbox).toBe(true);
        report('09-production-start', { devSecretToken: refused.status, ownToken: submitted.status, registrySandbox: true });
      }));
  });

  describe('npm run token', () => {
    it('prints a development token without rebuilding the project, NODE_ENV being unset', async () => {
      const built = statSync(SERVICE_MAIN).mtimeMs;
      const result = await run('npm', ['run', '-s', 'token', '--', '--role', 'intake', '--sub', 'alice', '--region', '542523'], {});
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const token = result.stdout.trim();
      expect(token).toBe(signHs256(claimsOf(token), DEVELOPMENT_JWT_SECRET));
      expect(claimsOf(token)).toMatchObject({ sub: 'alice', roles: ['intake'], region: '542523' });
      expect(statSync(SERVICE_MAIN).mtimeMs).toBe(built);
    });

    it.each([
      ['NODE_ENV=production', { NODE_ENV: 'production' }],
      ['NODE_ENV=staging', { NODE_ENV: 'staging' }],
    ])('refuses with %s', async (_label, env) => {
      const result = await run('npm', ['run', '-s', 'token', '--', '--role', 'admin', '--sub', 'ops'], env);
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/refused outside development and test/);
    });

    it('refuses when the tool is run directly without NODE_ENV', async () => {
      const result = await run(process.execPath, [TOKEN_TOOL, '--role', 'admin', '--sub', 'ops'], {});
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toMatch(/refused outside development and test \(NODE_ENV unset: production\)/);
    });

    it('signs with AUTH_JWT_SECRET when set, and refuses when only an identity provider is configured', async () => {
      const own = await run(process.execPath, [TOKEN_TOOL, '--role', 'admin', '--sub', 'ops'], {
        NODE_ENV: 'development',
        AUTH_JWT_SECRET: SECRET,
      });
      const token = own.stdout.trim();
      expect(token).toBe(signHs256(claimsOf(token), SECRET));
      const providerOnly = await run(process.execPath, [TOKEN_TOOL, '--role', 'admin', '--sub', 'ops'], {
        NODE_ENV: 'development',
        AUTH_JWKS_URL: 'https://sso.example.gov.cn/jwks',
      });
      expect(providerOnly).toMatchObject({ code: 2, stdout: '' });
      expect(providerOnly.stderr).toMatch(/AUTH_JWKS_URL is set without AUTH_JWT_SECRET/);
    });
  });
});
