import { PolicyCatalog } from './policy-catalog.js';
import { type PolicyVersion, reverificationIntervalMonths } from './policy-version.types.js';

const shipped = PolicyCatalog.shipped();
const v2023 = (): PolicyVersion => structuredClone(shipped.get('5425@2023-01-01')!);
type Mutable<T> = T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
const edited = (edit: (version: Mutable<PolicyVersion>) => void): PolicyVersion => {
  const version = v2023() as Mutable<PolicyVersion>;
  edit(version);
  return version;
};

describe('PolicyCatalog.shipped', () => {
  it.each([
    ['5425@2022-01-01', '970', '5135', '13000', '6700'],
    ['5425@2023-01-01', '990', '5315', '13317', '6970'],
    ['national@2023-01-01', '990', '5315', '13317', '6970'],
  ])('%s holds the standards of POLICY.md', (id, urban, rural, epsUrban, epsRural) => {
    const { programs, exemptVehicleClasses } = shipped.get(id)!;
    expect(programs.MINIMUM_LIVING_ALLOWANCE.standards).toEqual({
      URBAN: { amount: urban, period: 'MONTH' },
      RURAL: { amount: rural, period: 'YEAR' },
    });
    expect(programs.EXTREME_POVERTY_SUPPORT.standards).toEqual({
      URBAN: { amount: epsUrban, period: 'YEAR' },
      RURAL: { amount: epsRural, period: 'YEAR' },
    });
    expect(programs.TEMPORARY_ASSISTANCE.standards).toBeNull();
    expect(programs.MINIMUM_LIVING_ALLOWANCE.enterpriseCapitalAllowance).toBe('100000');
    expect(programs.TEMPORARY_ASSISTANCE.enterpriseCapitalAllowance).toBe('100000');
    expect(programs.EXTREME_POVERTY_SUPPORT.enterpriseCapitalAllowance).toBe('0');
    expect(programs.EXTREME_POVERTY_SUPPORT.anyEnterpriseRoleCounts).toBe(true);
    expect(exemptVehicleClasses).toEqual(['M', 'N', 'T']);
  });

  it('holds the severities where the programmes differ', () => {
    const { programs } = shipped.get('national@2023-01-01')!;
    expect(programs.MINIMUM_LIVING_ALLOWANCE.severities.BUSINESS_INDIVIDUAL_ACTIVE).toBe('REVIEW');
    expect(programs.EXTREME_POVERTY_SUPPORT.severities.BUSINESS_INDIVIDUAL_ACTIVE).toBe('DISQUALIFYING');
    expect(programs.TEMPORARY_ASSISTANCE.severities).toMatchObject({
      VEHICLE_OWNED: 'INFO',
      HOUSEHOLD_OUTSIDE_REGION: 'REVIEW',
      HOUSEHOLD_MEMBER_DECEASED: 'REVIEW',
    });
    expect(programs.TEMPORARY_ASSISTANCE.severities.INCOME_ABOVE_STANDARD).toBeUndefined();
  });

  it('returns frozen versions', () => {
    const version = shipped.get('5425@2023-01-01')! as Mutable<PolicyVersion>;
    expect(() => {
      version.programs.MINIMUM_LIVING_ALLOWANCE.enterpriseCapitalAllowance = '1';
    }).toThrow(TypeError);
    expect(shipped.get('nope')).toBeUndefined();
  });
});

describe('PolicyCatalog.select', () => {
  it.each([
    ['542521', '2022-01-01', '5425@2022-01-01'],
    ['542521', '2022-12-31', '5425@2022-01-01'],
    ['542521', '2023-01-01', '5425@2023-01-01'],
    ['542500', '2030-06-15', '5425@2023-01-01'],
    ['110101', '2023-01-01', 'national@2023-01-01'],
    ['540000', '2023-05-01', 'national@2023-01-01'],
    ['542521', '2021-12-31', null],
    ['110101', '2022-12-31', null],
  ])('region %s on %s: %s', (regionCode, date, id) => {
    expect(shipped.select(regionCode, date)?.id ?? null).toBe(id);
  });

  it.each(['2023-02-29', '2023/01/01', '', '23-01-01'])('refuses the date %j', (date) => {
    expect(() => shipped.select('542521', date)).toThrow(RangeError);
  });
});

describe('PolicyCatalog validation', () => {
  const v2022 = structuredClone(shipped.get('5425@2022-01-01')!);

  it('accepts adjacent ranges of one prefix', () => {
    expect(() => new PolicyCatalog([v2022, v2023()])).not.toThrow();
  });

  // prettier-ignore
  it.each<[string, PolicyVersion[], RegExp]>([
    ['overlapping ranges of one prefix', [v2022, edited((v) => (v.effectiveFrom = '2022-12-31'))], /overlaps "5425@2022-01-01"/],
    ['an open range followed by another', [edited((v) => (v.id = 'a')), edited((v) => ((v.id = 'b'), (v.effectiveFrom = '2024-01-01')))], /"b": overlaps "a"/],
    ['a duplicate id', [v2022, edited((v) => (v.id = v2022.id))], /duplicate id/],
    ['an unknown severity', [edited((v) => (v.programs.MINIMUM_LIVING_ALLOWANCE.severities.VEHICLE_OWNED = 'FATAL' as never))], /unknown severity FATAL/],
    ['an unknown finding code', [edited((v) => Object.assign(v.programs.MINIMUM_LIVING_ALLOWANCE.severities, { CAR: 'INFO' }))], /unknown code CAR/],
    ['a missing severity', [edited((v) => delete v.programs.EXTREME_POVERTY_SUPPORT.severities.HOUSEHOLD_SPLIT)], /no severity for HOUSEHOLD_SPLIT/],
    ['an income severity without standards', [edited((v) => (v.programs.TEMPORARY_ASSISTANCE.severities.INCOME_ABOVE_STANDARD = 'INFO'))], /must not have a severity for INCOME_ABOVE_STANDARD/],
    ['an amount that is not decimal text', [edited((v) => (v.programs.MINIMUM_LIVING_ALLOWANCE.standards!.URBAN.amount = '9,90'))], /no valid URBAN standard/],
    ['an unknown period', [edited((v) => (v.programs.MINIMUM_LIVING_ALLOWANCE.standards!.RURAL.period = 'WEEK' as never))], /no valid RURAL standard/],
    ['an end before the start', [edited((v) => (v.effectiveTo = '2022-12-31'))], /effectiveTo/],
    ['an impossible date', [edited((v) => (v.effectiveFrom = '2023-13-01'))], /effectiveFrom/],
    ['a missing programme', [edited((v) => delete (v.programs as Partial<typeof v.programs>).TEMPORARY_ASSISTANCE)], /no parameters for TEMPORARY_ASSISTANCE/],
    ['a vehicle class that is not one letter', [edited((v) => (v.exemptVehicleClasses = ['M1']))], /exempt vehicle classes/],
    ['a re-verification interval of no months', [edited((v) => (v.programs.MINIMUM_LIVING_ALLOWANCE.reverificationIntervalMonths = 0))], /MINIMUM_LIVING_ALLOWANCE reverificationIntervalMonths/],
    ['a re-verification interval in part months', [edited((v) => (v.programs.TEMPORARY_ASSISTANCE.reverificationIntervalMonths = 1.5))], /TEMPORARY_ASSISTANCE reverificationIntervalMonths/],
    ['a re-verification interval over five years', [edited((v) => (v.programs.EXTREME_POVERTY_SUPPORT.reverificationIntervalMonths = 61))], /EXTREME_POVERTY_SUPPORT reverificationIntervalMonths/],
  ])('refuses %s', (_title, versions, message) => {
    expect(() => new PolicyCatalog(versions)).toThrow(message);
  });

  it('keeps its own copy of the data', () => {
    const version = edited(() => undefined) as Mutable<PolicyVersion>;
    const catalog = new PolicyCatalog([version]);
    version.effectiveFrom = '2030-01-01';
    expect(catalog.select('542521', '2023-01-01')?.id).toBe('5425@2023-01-01');
  });
});

describe('re-verification intervals', () => {
  it.each([
    ['5425@2022-01-01', 12, 12, 12],
    ['5425@2023-01-01', 12, 6, 12],
    ['national@2023-01-01', 12, 12, 12],
  ])('%s: yearly unless the programme says otherwise', (id, dibao, tekun, temporary) => {
    const { programs } = shipped.get(id)!;
    expect(
      [programs.MINIMUM_LIVING_ALLOWANCE, programs.EXTREME_POVERTY_SUPPORT, programs.TEMPORARY_ASSISTANCE].map(
        reverificationIntervalMonths,
      ),
    ).toEqual([dibao, tekun, temporary]);
  });

  it.each([
    ['2022-06-30', ['5425@2022-01-01']],
    ['2023-01-01', ['5425@2023-01-01', 'national@2023-01-01']],
    ['2021-12-31', []],
  ])('the versions in force on %s', (date, ids) => {
    expect(shipped.inForce(date).map((version) => version.id)).toEqual(ids);
  });
});
