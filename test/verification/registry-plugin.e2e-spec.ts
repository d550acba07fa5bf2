import { DataSource } from 'typeorm';
import { DeterminationService } from '../../src/modules/verification/determination.service.js';
import { RegistryHealth } from '../../src/modules/registries/registry-health.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { realEstateRegistry } from '../fixtures/real-estate-registry/real-estate-registry.plugin.js';
import { RealEstateRegistrySandboxAdapter } from '../fixtures/real-estate-registry/real-estate-registry.sandbox-adapter.js';
import { submitCase } from '../support/sandbox-case-runner.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const caseOf = (key: string) => SANDBOX_CASES.find((sandboxCase) => sandboxCase.key === key)!;
const owner = caseOf('dibao-eligible-urban');
const unreachable = caseOf('dibao-income-one-fen-below-urban-standard');
const untouched = caseOf('dibao-income-one-fen-below-rural-standard');
const headOf = (sandboxCase: typeof owner) => sandboxCase.application.members.find((member) => member.relationship === 'HEAD')!.idNumber;

/**
 * A fourth registry, real estate, defined only in the test tree (test/fixtures/real-estate-registry)
 * and added with one line, the `registries` option: the service creates its pending checks,
 * its queue and worker, its readiness entry, and applies its rule, without a line of src/
 * knowing it. Applications go in over the HTTP API; the checks run on the real Redis.
 */
describe.each(['sqlite', 'postgres'] as const)('a registry added as a plugin, on %s', (kind) => {
  let t: TestApp;
  let intake: string;
  const realEstate = new RealEstateRegistrySandboxAdapter();

  beforeAll(async () => {
    realEstate.properties.push(
      {
        certificateNumber: '藏(2021)拉萨市不动产权第0000001号',
        ownerIdNumber: headOf(owner),
        use: 'RESIDENTIAL',
        floorAreaSquareMetres: 96,
      },
      {
        certificateNumber: '藏(2023)拉萨市不动产权第0000002号',
        ownerIdNumber: headOf(owner),
        use: 'RESIDENTIAL',
        floorAreaSquareMetres: 88,
      },
      {
        certificateNumber: '藏(2020)拉萨市不动产权第0000003号',
        ownerIdNumber: headOf(untouched),
        use: 'RESIDENTIAL',
        floorAreaSquareMetres: 70,
      },
      {
        certificateNumber: '藏(2022)拉萨市不动产权第0000004号',
        ownerIdNumber: headOf(unreachable),
        use: 'RESIDENTIAL',
        floorAreaSquareMetres: 75,
      },
      {
        certificateNumber: '藏(2024)拉萨市不动产权第0000005号',
        ownerIdNumber: headOf(unreachable),
        use: 'RESIDENTIAL',
        floorAreaSquareMetres: 64,
      },
    );
    t = await startTestApp(kind, {}, { registries: [realEstateRegistry(realEstate)] });
    intake = t.token('intake', 'intake-plugin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const determine = async (sandboxCase: typeof owner) =>
    (await t.waitForDetermination(await submitCase(t, intake, sandboxCase), intake)).body;

  it('consults it beside the built-in registries and puts its finding in the determination', async () => {
    realEstate.down = false;
    const application = await determine(owner);

    expect(application.checks.map((check: { source: string; status: string }) => `${check.source}:${check.status}`).sort()).toEqual([
      'BUSINESS_REGISTRATION:SUCCEEDED',
      'HOUSEHOLD_REGISTRATION:SUCCEEDED',
      'REAL_ESTATE_REGISTRATION:SUCCEEDED',
      'VEHICLE_REGISTRATION:SUCCEEDED',
    ]);
    expect(application.status).toBe('DETERMINED');
    expect(application.determination.outcome).toBe('INELIGIBLE');
    expect(application.determination.findings).toEqual([
      {
        code: 'REAL_ESTATE_OWNED',
        severity: 'DISQUALIFYING',
        memberIdNumber: headOf(owner),
        source: null,
        reason: 'This member owns more residential properties than the programme allows.',
        figures: { residentialProperties: 2, residentialPropertiesAllowed: 1 },
        evidence: [
          { source: 'REAL_ESTATE_REGISTRATION', recordKey: '藏(2021)拉萨市不动产权第0000001号' },
          { source: 'REAL_ESTATE_REGISTRATION', recordKey: '藏(2023)拉萨市不动产权第0000002号' },
        ],
      },
    ]);
  });

  it('leaves a household within its threshold as the built-in rules found it', async () => {
    realEstate.down = false;
    const application = await determine(untouched);
    expect(application.determination.outcome).toBe(untouched.expected.outcome);
    expect(application.determination.findings).toEqual([]);
  });

  it('sends the case to review, not to a refusal, when the registry cannot be consulted', async () => {
    realEstate.down = true;
    const application = await determine(unreachable);

    const check = application.checks.find((candidate: { source: string }) => candidate.source === 'REAL_ESTATE_REGISTRATION');
    expect(check).toMatchObject({ status: 'FAILED', failure: 'UNAVAILABLE' });
    expect(application.status).toBe('IN_REVIEW');
    expect(application.determination.outcome).toBe('NEEDS_REVIEW');
    expect(application.determination.findings).toEqual([
      expect.objectContaining({ code: 'SOURCE_UNAVAILABLE', source: 'REAL_ESTATE_REGISTRATION', severity: 'REVIEW', memberIdNumber: null }),
    ]);
  });

  it('re-derives every stored determination byte for byte, its rule and its SOURCE_* findings included', async () => {
    const determinations = t.app.get(DeterminationService);
    const rows: { verification_id: string; evaluation: string }[] = await t.app
      .get(DataSource)
      .query('SELECT verification_id, evaluation FROM determinations');
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.evaluation).join()).toContain('REAL_ESTATE_OWNED');
    for (const row of rows) {
      expect(await determinations.reevaluate(row.verification_id)).toBe(row.evaluation);
    }
  });

  it('reports its circuit in the readiness check', async () => {
    expect(t.app.get(RegistryHealth).sources).toEqual([
      'HOUSEHOLD_REGISTRATION',
      'VEHICLE_REGISTRATION',
      'BUSINESS_REGISTRATION',
      'REAL_ESTATE_REGISTRATION',
    ]);
    const response = await t.request('GET', '/health/ready');
    expect(response.body.checks.realEstateRegistry).toEqual({ status: 'up', circuit: 'sandbox' });
  });

  it('counts the jobs of its queue in the metrics', async () => {
    const { text } = await t.request('GET', '/metrics');
    expect(text).toContain('hedui_queue_counts_up{queue="RealEstateRegistry"} 1');
    expect(text).toMatch(/hedui_queue_jobs\{queue="RealEstateRegistry",state="waiting"\} 0/);
  });
});
