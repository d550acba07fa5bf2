import type { EntityRole, MarketEntity } from '../../registries/registry.types.js';
import { enterpriseHoldings } from './enterprise-capital.js';

const DECLARED = new Set(['A', 'B']);
const enterprise = (roles: EntityRole[], changes: Partial<MarketEntity> = {}): MarketEntity => ({
  creditCode: 'C1',
  name: 'x',
  entityType: 'ENTERPRISE',
  status: 'ACTIVE',
  registeredCapital: '100000',
  roles,
  ...changes,
});
const shareholder = (idNumber: string, shareRatio?: string): EntityRole => ({
  idNumber,
  role: 'SHAREHOLDER',
  ...(shareRatio && { shareRatio }),
});
const representative = (idNumber: string): EntityRole => ({ idNumber, role: 'LEGAL_REPRESENTATIVE' });

describe('enterpriseHoldings', () => {
  // prettier-ignore
  it.each<[string, MarketEntity[], number, number]>([
    ['nothing', [], 0, 0],
    ['a share of the capital', [enterprise([shareholder('A', '0.25')])], 2500000, 1],
    ['a missing ratio counts as 1', [enterprise([shareholder('A')])], 10000000, 1],
    ['a missing capital counts as 0', [enterprise([shareholder('A')], { registeredCapital: undefined })], 0, 1],
    ['each term is rounded half up', [enterprise([shareholder('A', '0.5'), shareholder('B', '0.5')], { registeredCapital: '0.01' })], 2, 1],
    ['a legal representative alone counts the full capital once', [enterprise([representative('A'), representative('B')])], 10000000, 1],
    ['a legal representative beside a declared shareholder counts nothing more', [enterprise([representative('A'), shareholder('B', '0.1')])], 1000000, 1],
    ['an undeclared shareholder does not stop the full capital', [enterprise([representative('A'), shareholder('Z', '0.1')])], 10000000, 1],
    ['an undeclared person holds nothing', [enterprise([shareholder('Z')])], 0, 0],
    ['executives and operators hold nothing', [enterprise([{ idNumber: 'A', role: 'EXECUTIVE' }, { idNumber: 'B', role: 'OPERATOR' }])], 0, 0],
    ['revoked and cancelled enterprises do not count', [enterprise([shareholder('A')], { status: 'REVOKED' }), enterprise([shareholder('B')], { status: 'CANCELLED' })], 0, 0],
    ['only enterprises count', [enterprise([shareholder('A')], { entityType: 'INDIVIDUAL_BUSINESS' }), enterprise([shareholder('A')], { entityType: 'OTHER' })], 0, 0],
    ['several enterprises add up', [enterprise([shareholder('A', '0.3')], { registeredCapital: '333333.35' }), enterprise([representative('B')], { registeredCapital: '0.004' })], 10000001, 2],
  ])('%s', (_title, entities, capitalFen, enterprises) => {
    const holdings = enterpriseHoldings(entities, DECLARED);
    expect(holdings.capitalFen).toBe(capitalFen);
    expect(holdings.enterprises).toHaveLength(enterprises);
  });
});
