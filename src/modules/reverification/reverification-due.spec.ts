import { PolicyCatalog } from '../eligibility/policy/policy-catalog.js';
import { dueRules, monthsBefore } from './reverification-due.js';

describe('monthsBefore', () => {
  it.each([
    ['2027-12-28T14:00:00.000Z', 12, '2026-12-28T14:00:00.000Z'],
    ['2027-12-28T14:00:00.000Z', 13, '2026-11-28T14:00:00.000Z'],
    ['2027-06-15T00:00:00.001Z', 6, '2026-12-15T00:00:00.001Z'],
    ['2027-03-31T10:00:00.000Z', 1, '2027-02-28T10:00:00.000Z'],
    ['2028-03-31T10:00:00.000Z', 1, '2028-02-29T10:00:00.000Z'],
    ['2027-08-31T10:00:00.000Z', 6, '2027-02-28T10:00:00.000Z'],
  ])('%s minus %i months is %s', (at, months, expected) => {
    expect(monthsBefore(new Date(at), months).toISOString()).toBe(expected);
  });
});

describe('dueRules', () => {
  const catalog = PolicyCatalog.shipped();
  const at = new Date('2027-12-28T14:00:00.000Z');

  it('gives each version in force its own interval, and leaves the national rule the regions Ngari governs', () => {
    expect(dueRules(catalog, 'EXTREME_POVERTY_SUPPORT', at)).toEqual([
      {
        policyVersion: '5425@2023-01-01',
        regionPrefix: '5425',
        exceptPrefixes: [],
        intervalMonths: 6,
        verifiedBefore: '2027-06-28T14:00:00.000Z',
      },
      {
        policyVersion: 'national@2023-01-01',
        regionPrefix: '',
        exceptPrefixes: ['5425'],
        intervalMonths: 12,
        verifiedBefore: '2026-12-28T14:00:00.000Z',
      },
    ]);
    expect(dueRules(catalog, 'MINIMUM_LIVING_ALLOWANCE', at).map((rule) => rule.intervalMonths)).toEqual([12, 12]);
  });

  it('counts the date in Asia/Shanghai: 16:30 UTC on 31 December 2022 is already 2023 there', () => {
    expect(dueRules(catalog, 'EXTREME_POVERTY_SUPPORT', new Date('2022-12-31T16:30:00.000Z')).map((rule) => rule.policyVersion)).toEqual([
      '5425@2023-01-01',
      'national@2023-01-01',
    ]);
    expect(dueRules(catalog, 'EXTREME_POVERTY_SUPPORT', new Date('2022-12-31T15:30:00.000Z')).map((rule) => rule.policyVersion)).toEqual([
      '5425@2022-01-01',
    ]);
  });

  it('has no rule where no version is in force', () => {
    expect(dueRules(catalog, 'TEMPORARY_ASSISTANCE', new Date('2021-06-01T00:00:00.000Z'))).toEqual([]);
  });
});
