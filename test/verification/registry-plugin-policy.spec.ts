import { evaluate } from '../../src/modules/eligibility/eligibility-engine.js';
import { application, HEAD } from '../../src/modules/eligibility/eligibility.fixtures.js';
import type { Evaluation, EvaluationInput } from '../../src/modules/eligibility/eligibility.types.js';
import { PolicyCatalog } from '../../src/modules/eligibility/policy/policy-catalog.js';
import type { PolicyVersion } from '../../src/modules/eligibility/policy/policy-version.types.js';
import type { RegistryPolicy } from '../../src/modules/eligibility/registry-rules.js';
import type { RealEstateRegistryAnswer } from '../fixtures/real-estate-registry/real-estate-registry.port.js';
import { REAL_ESTATE_RULES } from '../fixtures/real-estate-registry/real-estate.rule.js';

const SOURCE = 'REAL_ESTATE_REGISTRATION';
const catalog = PolicyCatalog.shipped();
const V2023 = catalog.get('5425@2023-01-01')!;

const realEstateFindings = (evaluation: Evaluation) =>
  evaluation.findings.filter((finding) => (finding.code as string) === 'REAL_ESTATE_OWNED');

/** The head owns two homes; every other member is on record as owning none. */
function owningTwoHomes(): EvaluationInput {
  const input = application();
  const home = (certificateNumber: string) => ({
    certificateNumber,
    ownerIdNumber: HEAD,
    use: 'RESIDENTIAL' as const,
    floorAreaSquareMetres: 60,
  });
  const answer: RealEstateRegistryAnswer = {
    properties: [home('藏(2023)0001'), home('藏(2023)0002')],
    notFound: input.members.map((member) => member.idNumber).filter((idNumber) => idNumber !== HEAD),
  };
  // A source outside the built-in three, as the verification gives a plugin registry's answer.
  return { ...input, sources: { ...input.sources, [SOURCE]: { ok: true, answer } } as EvaluationInput['sources'] };
}

const withRegistries = (registries: Record<string, RegistryPolicy>): PolicyVersion => ({ ...V2023, id: 'test@2023-01-01', registries });
const policy = (residentialPropertiesAllowed: number, severity: 'DISQUALIFYING' | 'REVIEW'): RegistryPolicy => ({
  thresholds: { residentialPropertiesAllowed },
  severities: {
    MINIMUM_LIVING_ALLOWANCE: { REAL_ESTATE_OWNED: severity },
    EXTREME_POVERTY_SUPPORT: { REAL_ESTATE_OWNED: severity },
    TEMPORARY_ASSISTANCE: { REAL_ESTATE_OWNED: severity },
  },
});

describe("a plugin registry's thresholds and severities, per policy version", () => {
  it("are the plugin's own where the version names none", () => {
    const evaluation = evaluate(owningTwoHomes(), V2023, [REAL_ESTATE_RULES]);
    expect(realEstateFindings(evaluation)).toEqual([
      expect.objectContaining({ severity: 'DISQUALIFYING', figures: { residentialProperties: 2, residentialPropertiesAllowed: 1 } }),
    ]);
    expect(evaluation.outcome).toBe('INELIGIBLE');
  });

  it("are the version's where it names the registry: its threshold", () => {
    const evaluation = evaluate(owningTwoHomes(), withRegistries({ [SOURCE]: policy(2, 'DISQUALIFYING') }), [REAL_ESTATE_RULES]);
    expect(realEstateFindings(evaluation)).toEqual([]);
  });

  it("are the version's where it names the registry: its severity", () => {
    const evaluation = evaluate(owningTwoHomes(), withRegistries({ [SOURCE]: policy(1, 'REVIEW') }), [REAL_ESTATE_RULES]);
    expect(realEstateFindings(evaluation).map((finding) => finding.severity)).toEqual(['REVIEW']);
    expect(evaluation.outcome).toBe('NEEDS_REVIEW');
  });

  it.each([
    [
      'a severity for a built-in code',
      { ...policy(1, 'REVIEW'), severities: { ...policy(1, 'REVIEW').severities, MINIMUM_LIVING_ALLOWANCE: { VEHICLE_OWNED: 'INFO' } } },
      /built-in code VEHICLE_OWNED/,
    ],
    ['an unknown severity', policy(1, 'SEVERE' as 'REVIEW'), /unknown severity SEVERE/],
    [
      'a programme without severities',
      { thresholds: {}, severities: { MINIMUM_LIVING_ALLOWANCE: {} } },
      /no severities for EXTREME_POVERTY_SUPPORT/,
    ],
    [
      'a threshold that is not a scalar',
      { ...policy(1, 'REVIEW'), thresholds: { residentialPropertiesAllowed: [1] } },
      /must be a string, number or boolean/,
    ],
  ])('are refused when the catalog loads with %s', (_case, registry, message) => {
    expect(() => new PolicyCatalog([withRegistries({ [SOURCE]: registry as RegistryPolicy })])).toThrow(message);
  });
});
