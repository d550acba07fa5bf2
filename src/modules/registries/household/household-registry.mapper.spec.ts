import { ContractViolation } from '../contract/registry-mapping.js';
import { CHILD, HEAD, SPOUSE, wireHousehold, wirePerson } from '../contract/registry-wire.fixtures.js';
import { checkAnswer } from '../contract/registry-search.js';
import { HOUSEHOLDS_SEARCH, PERSONS_SEARCH, toHouseholdsAnswer, toPersonsAnswer } from './household-registry.mapper.js';

describe('household registry mapper', () => {
  it('maps persons to the project type, dropping what the project does not use, ordered by idNumber', () => {
    const answer = toPersonsAnswer([
      { persons: [wirePerson(SPOUSE, { address: '狮泉河镇', relationshipToHead: 'SPOUSE' }), wirePerson(HEAD)], notFound: [CHILD] },
      { persons: [], notFound: ['542521199912310011'] },
    ]);
    expect(answer).toEqual({
      persons: [
        {
          idNumber: HEAD,
          name: '次仁',
          gender: 'M',
          birthDate: '1980-01-01',
          status: 'ACTIVE',
          householdNumber: '542521000123',
          relationshipToHead: 'HEAD',
          regionCode: '542521',
        },
        expect.objectContaining({ idNumber: SPOUSE }),
      ],
      notFound: ['542521199912310011', CHILD],
    });
    expect(answer.persons[1]).not.toHaveProperty('address');
  });

  it('orders households by number and their members by idNumber', () => {
    const answer = toHouseholdsAnswer([
      { households: [wireHousehold('542521000200', [CHILD, HEAD]), wireHousehold('542521000100', [SPOUSE])], notFound: [] },
    ]);
    expect(answer.households.map((household) => household.householdNumber)).toEqual(['542521000100', '542521000200']);
    expect(answer.households[1]).toEqual({
      householdNumber: '542521000200',
      regionCode: '542521',
      householdType: 'RURAL',
      members: [
        { idNumber: HEAD, name: '卓玛', relationshipToHead: 'CHILD', status: 'ACTIVE' },
        { idNumber: CHILD, name: '卓玛', relationshipToHead: 'CHILD', status: 'ACTIVE' },
      ],
    });
  });

  it('gives the same answer whatever order the registry answered in', () => {
    const one = toPersonsAnswer([{ persons: [wirePerson(HEAD), wirePerson(SPOUSE)], notFound: [CHILD] }]);
    const other = toPersonsAnswer([{ persons: [wirePerson(SPOUSE), wirePerson(HEAD)], notFound: [CHILD] }]);
    expect(JSON.stringify(one)).toBe(JSON.stringify(other));
  });

  it.each([
    ['a person listed twice', () => toPersonsAnswer([{ persons: [wirePerson(HEAD), wirePerson(HEAD)], notFound: [] }])],
    [
      'a household listed twice',
      () => toHouseholdsAnswer([{ households: [wireHousehold('542521000100', []), wireHousehold('542521000100', [])], notFound: [] }]),
    ],
    ['a member listed twice', () => toHouseholdsAnswer([{ households: [wireHousehold('542521000100', [HEAD, HEAD])], notFound: [] }])],
  ])('refuses %s', (_case, map) => {
    expect(map).toThrow(ContractViolation);
  });

  it('accounts persons by idNumber and households by number', () => {
    expect(() => checkAnswer(PERSONS_SEARCH, { persons: [wirePerson(HEAD)], notFound: [SPOUSE] }, [HEAD, SPOUSE])).not.toThrow();
    expect(() => checkAnswer(PERSONS_SEARCH, { persons: [wirePerson(HEAD)], notFound: [] }, [HEAD, SPOUSE])).toThrow(
      'does not account for 1 of the 2 identifiers asked',
    );
    expect(() =>
      checkAnswer(HOUSEHOLDS_SEARCH, { households: [wireHousehold('542521000100', [])], notFound: ['542521000200'] }, [
        '542521000100',
        '542521000200',
      ]),
    ).not.toThrow();
    expect(() =>
      checkAnswer(HOUSEHOLDS_SEARCH, { households: [wireHousehold('542521000300', [])], notFound: [] }, ['542521000100']),
    ).toThrow('mentions identifiers that were not asked');
  });
});
