import { HEAD, wireEntity, wireHousehold, wirePerson, wireVehicle } from './registry-wire.fixtures.js';
import {
  describeSchemaErrors,
  validateEntitiesAnswer,
  validateHouseholdsAnswer,
  validatePersonsAnswer,
  validateVehiclesAnswer,
} from './registry-validation.js';

const person = wirePerson(HEAD);
const vehicle = wireVehicle('藏F12345');
const entity = wireEntity('92542521MA6T12345X', [{ idNumber: HEAD, role: 'OPERATOR' }], { entityType: 'INDIVIDUAL_BUSINESS' });

describe('answer schemas', () => {
  it('accept answers of the contract, with properties it does not name', () => {
    expect(validatePersonsAnswer({ persons: [{ ...person, address: '狮泉河镇', extra: 1 }], notFound: [] })).toBe(true);
    expect(validateHouseholdsAnswer({ households: [wireHousehold('542521000123', [HEAD])], notFound: ['542521000999'] })).toBe(true);
    expect(validateVehiclesAnswer({ vehicles: [{ ...vehicle, disabilityAdapted: true, assessedValue: 0 }], notFound: [] })).toBe(true);
    expect(validateEntitiesAnswer({ entities: [entity], notFound: [], next: null })).toBe(true);
  });

  it.each([
    ['a missing list', validatePersonsAnswer, { persons: [] }, "(body) must have required property 'notFound'"],
    [
      'a missing field',
      validatePersonsAnswer,
      { persons: [{ ...person, gender: undefined }], notFound: [] },
      "/persons/0 must have required property 'gender'",
    ],
    [
      'a status outside the enum',
      validatePersonsAnswer,
      { persons: [{ ...person, status: 'ALIVE' }], notFound: [] },
      '/persons/0/status must be equal to one of the allowed values',
    ],
    [
      'a region code that is not 6 digits',
      validatePersonsAnswer,
      { persons: [{ ...person, regionCode: '5425' }], notFound: [] },
      '/persons/0/regionCode must match pattern "^[0-9]{6}$"',
    ],
    [
      'a date that does not exist',
      validatePersonsAnswer,
      { persons: [{ ...person, birthDate: '1980-02-30' }], notFound: [] },
      '/persons/0/birthDate must match format "date"',
    ],
    [
      'a household type outside the enum',
      validateHouseholdsAnswer,
      { households: [{ ...wireHousehold('542521000123', []), householdType: 'TOWN' }], notFound: [] },
      '/households/0/householdType must be equal to one of the allowed values',
    ],
    [
      'a number as text',
      validateVehiclesAnswer,
      { vehicles: [{ ...vehicle, assessedValue: '35000' }], notFound: [] },
      '/vehicles/0/assessedValue must be number',
    ],
    [
      'a negative value',
      validateVehiclesAnswer,
      { vehicles: [{ ...vehicle, assessedValue: -1 }], notFound: [] },
      '/vehicles/0/assessedValue must be >= 0',
    ],
    [
      'a vehicle type outside GA 802',
      validateVehiclesAnswer,
      { vehicles: [{ ...vehicle, vehicleType: 'k33' }], notFound: [] },
      '/vehicles/0/vehicleType must match pattern "^[A-Z][0-9A-Z]{1,3}$"',
    ],
    [
      'a share ratio above 1',
      validateEntitiesAnswer,
      { entities: [{ ...entity, roles: [{ idNumber: HEAD, role: 'SHAREHOLDER', shareRatio: 1.5 }] }], notFound: [] },
      '/entities/0/roles/0/shareRatio must be <= 1',
    ],
    [
      'a bad credit code',
      validateEntitiesAnswer,
      { entities: [{ ...entity, creditCode: '92542521MA6T1234' }], notFound: [] },
      '/entities/0/creditCode must match pattern',
    ],
    ['a notFound entry that is not text', validateEntitiesAnswer, { entities: [], notFound: [542521] }, '/notFound/0 must be string'],
    ['a body that is not an object', validateHouseholdsAnswer, [], '(body) must be object'],
  ])('refuse %s, saying where without quoting the value', (_case, validate, body, description) => {
    expect(validate(body)).toBe(false);
    const text = describeSchemaErrors(validate.errors);
    expect(text.startsWith(description)).toBe(true);
    expect(text).not.toContain(HEAD);
  });
});
