import { ContractViolation } from '../contract/registry-mapping.js';
import { checkAnswer } from '../contract/registry-search.js';
import { CHILD as C, HEAD as A, SPOUSE as B, wireEntity } from '../contract/registry-wire.fixtures.js';
import { BUSINESS_PERSONS_SEARCH, toBusinessAnswer } from './business-registry.mapper.js';

describe('business registry mapper', () => {
  it('keeps money and ratios as exact decimal text, and leaves absent ones absent', () => {
    const { entities } = toBusinessAnswer([
      {
        entities: [
          wireEntity('91542521MA6T00001X', [{ idNumber: A, role: 'SHAREHOLDER', shareRatio: 0.35 }], {
            registeredCapital: 1234567.89,
            establishedOn: '2015-03-01',
          }),
          wireEntity('92542521MA6T00002X', [{ idNumber: A, role: 'OPERATOR' }], {
            registeredCapital: undefined,
            entityType: 'INDIVIDUAL_BUSINESS',
          }),
        ],
        notFound: [],
      },
    ]);
    expect(entities[0]).toEqual({
      creditCode: '91542521MA6T00001X',
      name: '阿里高原商贸有限公司',
      entityType: 'ENTERPRISE',
      status: 'ACTIVE',
      registeredCapital: '1234567.89',
      establishedOn: '2015-03-01',
      roles: [{ idNumber: A, role: 'SHAREHOLDER', shareRatio: '0.35' }],
    });
    expect(entities[1]).not.toHaveProperty('registeredCapital');
    expect(entities[1]).not.toHaveProperty('establishedOn');
    expect(entities[1]!.roles[0]).not.toHaveProperty('shareRatio');
  });

  it('orders entities by credit code and roles by idNumber then role', () => {
    const { entities } = toBusinessAnswer([
      {
        entities: [
          wireEntity('91542521MA6T00009X', [{ idNumber: A, role: 'OPERATOR' }]),
          wireEntity('91542521MA6T00001X', [
            { idNumber: B, role: 'SHAREHOLDER', shareRatio: 0.5 },
            { idNumber: A, role: 'SHAREHOLDER', shareRatio: 0.5 },
            { idNumber: A, role: 'LEGAL_REPRESENTATIVE' },
          ]),
        ],
        notFound: [],
      },
    ]);
    expect(entities.map((entity) => entity.creditCode)).toEqual(['91542521MA6T00001X', '91542521MA6T00009X']);
    expect(entities[0]!.roles.map((role) => `${role.idNumber} ${role.role}`)).toEqual([
      `${A} LEGAL_REPRESENTATIVE`,
      `${A} SHAREHOLDER`,
      `${B} SHAREHOLDER`,
    ]);
  });

  it('unites the roles of one entity answered by two calls', () => {
    const { entities } = toBusinessAnswer([
      { entities: [wireEntity('91542521MA6T00001X', [{ idNumber: B, role: 'SHAREHOLDER', shareRatio: 0.4 }])], notFound: [] },
      { entities: [wireEntity('91542521MA6T00001X', [{ idNumber: A, role: 'LEGAL_REPRESENTATIVE' }])], notFound: [C] },
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0]!.roles).toEqual([
      { idNumber: A, role: 'LEGAL_REPRESENTATIVE' },
      { idNumber: B, role: 'SHAREHOLDER', shareRatio: '0.4' },
    ]);
  });

  it('refuses one entity described two ways', () => {
    expect(() =>
      toBusinessAnswer([
        { entities: [wireEntity('91542521MA6T00001X', [{ idNumber: A, role: 'OPERATOR' }])], notFound: [] },
        { entities: [wireEntity('91542521MA6T00001X', [{ idNumber: B, role: 'OPERATOR' }], { status: 'REVOKED' })], notFound: [] },
      ]),
    ).toThrow(ContractViolation);
  });

  it('accounts for a person by any role they hold', () => {
    const answer = { entities: [wireEntity('91542521MA6T00001X', [{ idNumber: A, role: 'EXECUTIVE' }])], notFound: [B] };
    expect(() => checkAnswer(BUSINESS_PERSONS_SEARCH, answer, [A, B])).not.toThrow();
    expect(() => checkAnswer(BUSINESS_PERSONS_SEARCH, answer, [A, B, C])).toThrow('does not account for 1 of the 3 identifiers asked');
    expect(() => checkAnswer(BUSINESS_PERSONS_SEARCH, answer, [B])).toThrow('mentions identifiers that were not asked');
  });
});
