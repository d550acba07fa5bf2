import { regionCovers, regionScopePrefix } from './region-scope.js';

describe('region scope', () => {
  it.each([
    ['540000', '54'],
    ['542500', '5425'],
    ['542521', '542521'],
  ])('%s reaches the prefix %s', (code, prefix) => expect(regionScopePrefix(code)).toBe(prefix));

  it.each([
    ['540000', '542521', true],
    ['542500', '542521', true],
    ['542500', '542600', false],
    ['542521', '542521', true],
    ['542521', '542522', false],
    ['110000', '542521', false],
  ])('%s covers %s: %s', (scope, code, covered) => expect(regionCovers(scope, code)).toBe(covered));
});
