import type { HouseholdType } from '../../registries/registry.types.js';
import type { Program } from '../eligibility.types.js';
import { PolicyCatalog } from '../policy/policy-catalog.js';
import { monthlyStandardFen } from './household-facts.js';

const catalog = PolicyCatalog.shipped();

describe('monthlyStandardFen', () => {
  it.each<[string, Program, HouseholdType, number | null]>([
    ['5425@2022-01-01', 'MINIMUM_LIVING_ALLOWANCE', 'URBAN', 97000],
    ['5425@2022-01-01', 'MINIMUM_LIVING_ALLOWANCE', 'RURAL', 42792], // 513500 / 12 = 42791.67
    ['5425@2022-01-01', 'EXTREME_POVERTY_SUPPORT', 'URBAN', 108333], // 1300000 / 12 = 108333.33
    ['5425@2022-01-01', 'EXTREME_POVERTY_SUPPORT', 'RURAL', 55833], // 670000 / 12 = 55833.33
    ['5425@2023-01-01', 'MINIMUM_LIVING_ALLOWANCE', 'URBAN', 99000],
    ['5425@2023-01-01', 'MINIMUM_LIVING_ALLOWANCE', 'RURAL', 44292], // 531500 / 12 = 44291.67
    ['5425@2023-01-01', 'EXTREME_POVERTY_SUPPORT', 'URBAN', 110975],
    ['5425@2023-01-01', 'EXTREME_POVERTY_SUPPORT', 'RURAL', 58083], // 697000 / 12 = 58083.33
    ['national@2023-01-01', 'TEMPORARY_ASSISTANCE', 'URBAN', null],
  ])('%s %s %s: %s fen', (id, program, householdType, fen) => {
    expect(monthlyStandardFen(catalog.get(id)!.programs[program], householdType)).toBe(fen);
  });
});
