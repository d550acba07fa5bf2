import { generateKeyPairSync } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEVELOPMENT_JWT_SECRET } from '../../src/core/config/app.config.js';
import { startRegistrySimulator, type RegistrySimulator } from '../../src/modules/registries/sandbox/registry-simulator.server.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { RegistryHealth } from '../../src/modules/registries/registry-health.js';
import { DeterminationService } from '../../src/modules/verification/determination.service.js';
import { expectProblem } from '../access/access-fixtures.js';
import { validJwt } from '../access/forged-credentials.js';
import { submitCase } from '../support/sandbox-case-runner.js';
import { simulatorEnv, startTestApp, type TestApp } from '../support/test-app.js';

/** Production needs the audit log's signing key too. */
const AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

const SECRET = 'a-deployment-secret-of-at-least-32-bytes';
const REGISTRY_TOKEN = 'registry-test-token';
const [CASE] = SANDBOX_CASES;

/**
 * The service as production runs it (NODE_ENV=production): the published development secret
 * opens nothing, and the sandbox registries, allowed only when REGISTRY_SANDBOX=true says so
 * (a training deployment), are announced by readiness and by every determination made on
 * their answers, in a way that re-evaluating the stored answers reproduces.
 */
describe.each(['sqlite', 'postgres'] as const)('a training deployment (production, REGISTRY_SANDBOX=true) on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, { NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET, AUDIT_SIGNING_KEY, REGISTRY_SANDBOX: 'true' });
  });
  afterAll(() => t?.close());

  it('refuses a token signed with the published development secret, on every kind of call', async () => {
    const forged = validJwt(DEVELOPMENT_JWT_SECRET, { sub: 'intruder', roles: ['admin'] });
    expectProblem(await t.request('GET', '/v1/applications', { token: forged }), 401);
    expectProblem(await t.request('POST', '/v1/applications', { token: forged, body: CASE.application }), 401);
    expectProblem(await t.request('GET', '/v1/audit-events', { token: forged }), 401);
    expectProblem(await t.request('GET', '/admin/queues/api/queues', { token: forged }), 401);
    // The deployment's own secret works.
    expect((await t.request('GET', '/v1/applications', { token: validJwt(SECRET, { sub: 'ops', roles: ['admin'] }) })).status).toBe(200);
  });

  it('says in /health/ready that the sandbox answers', async () => {
    const ready = await t.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      registrySandbox: true,
      checks: {
        householdRegistry: { circuit: 'sandbox' },
        vehicleRegistry: { circuit: 'sandbox' },
        businessRegistry: { circuit: 'sandbox' },
      },
    });
  });

  it('marks every determination as resting on sandbox data, and a re-evaluation says so again whatever the configuration is now', async () => {
    const intake = t.token('intake', 'intake-training');
    const id = await submitCase(t, intake, CASE);
    const application = (await t.waitForDetermination(id, intake)).body;
    expect(application.determination.facts.registrySandbox).toBe(true);

    const dataSource = t.app.get(DataSource);
    const origins = await dataSource.query(
      `SELECT DISTINCT origin FROM source_checks WHERE verification_id = '${application.verificationId}'`,
    );
    expect(origins).toEqual([{ origin: 'SANDBOX' }]);
    const [{ evaluation }] = await dataSource.query(
      `SELECT evaluation FROM determinations WHERE verification_id = '${application.verificationId}'`,
    );
    expect(JSON.parse(evaluation).facts.registrySandbox).toBe(true);
    // As if the registries were real now: the stored checks, not today's settings, decide.
    const isSandbox = jest.spyOn(t.app.get(RegistryHealth), 'isSandbox').mockReturnValue(false);
    try {
      expect(await t.app.get(DeterminationService).reevaluate(application.verificationId)).toBe(evaluation);
    } finally {
      isSandbox.mockRestore();
    }
  });
});

describe.each(['sqlite', 'postgres'] as const)('a production deployment with its registries, on %s', (kind) => {
  let simulator: RegistrySimulator;
  let t: TestApp;

  beforeAll(async () => {
    simulator = await startRegistrySimulator({ token: REGISTRY_TOKEN });
    // Plain http:// is allowed to loopback (a local TLS-terminating sidecar); anywhere else it is refused at start.
    t = await startTestApp(kind, {
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: SECRET,
      AUDIT_SIGNING_KEY,
      ...simulatorEnv(simulator.url, REGISTRY_TOKEN),
    });
  });
  afterAll(async () => {
    await t?.close();
    await simulator?.close();
  });

  it('reports no sandbox, and its determinations carry no sandbox flag', async () => {
    expect((await t.request('GET', '/health/ready')).body).toMatchObject({
      registrySandbox: false,
      checks: { vehicleRegistry: { circuit: 'closed' } },
    });
    const intake = t.token('intake', 'intake-production');
    const application = (await t.waitForDetermination(await submitCase(t, intake, CASE), intake)).body;
    expect(application.determination.facts).not.toHaveProperty('registrySandbox');
    const [{ evaluation }] = await t.app
      .get(DataSource)
      .query(`SELECT evaluation FROM determinations WHERE verification_id = '${application.verificationId}'`);
    expect(evaluation).not.toContain('registrySandbox');
    expect(await t.app.get(DeterminationService).reevaluate(application.verificationId)).toBe(evaluation);
  });
});
