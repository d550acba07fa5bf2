import { distinctSorted, sortByUniqueKey } from '../contract/registry-mapping.js';
import type { RegistrySearch } from '../contract/registry-search.js';
import { validateHouseholdsAnswer, validatePersonsAnswer } from '../contract/registry-validation.js';
import type { WireHousehold, WireHouseholdsAnswer, WirePerson, WirePersonsAnswer } from '../contract/registry.wire.js';
import type { RegisteredHousehold, RegisteredPerson } from '../registry.types.js';

export interface PersonsAnswer {
  persons: RegisteredPerson[];
  notFound: string[];
}

export interface HouseholdsAnswer {
  households: RegisteredHousehold[];
  notFound: string[];
}

export function toRegisteredPerson(wire: WirePerson): RegisteredPerson {
  return {
    idNumber: wire.idNumber,
    name: wire.name,
    gender: wire.gender,
    birthDate: wire.birthDate,
    status: wire.status,
    householdNumber: wire.householdNumber,
    relationshipToHead: wire.relationshipToHead,
    regionCode: wire.regionCode,
  };
}

export function toRegisteredHousehold(wire: WireHousehold): RegisteredHousehold {
  const members = wire.members.map(({ idNumber, name, relationshipToHead, status }) => ({ idNumber, name, relationshipToHead, status }));
  return {
    householdNumber: wire.householdNumber,
    regionCode: wire.regionCode,
    householdType: wire.householdType,
    members: sortByUniqueKey(members, (member) => member.idNumber, 'household member'),
  };
}

export function toPersonsAnswer(wires: WirePersonsAnswer[]): PersonsAnswer {
  const persons = wires.flatMap((wire) => wire.persons).map(toRegisteredPerson);
  return {
    persons: sortByUniqueKey(persons, (person) => person.idNumber, 'person'),
    notFound: distinctSorted(wires.flatMap((wire) => wire.notFound)),
  };
}

export function toHouseholdsAnswer(wires: WireHouseholdsAnswer[]): HouseholdsAnswer {
  const households = wires.flatMap((wire) => wire.households).map(toRegisteredHousehold);
  return {
    households: sortByUniqueKey(households, (household) => household.householdNumber, 'household'),
    notFound: distinctSorted(wires.flatMap((wire) => wire.notFound)),
  };
}

export const PERSONS_SEARCH: RegistrySearch<WirePersonsAnswer, PersonsAnswer> = {
  source: 'HOUSEHOLD_REGISTRATION',
  operationId: 'searchPersons',
  path: '/household-registration/v1/persons/search',
  identifiersField: 'idNumbers',
  validate: validatePersonsAnswer,
  accountedFor: (wire) => wire.persons.map((person) => person.idNumber),
  restrict: (wire, asked) => ({
    persons: wire.persons.filter((person) => asked.has(person.idNumber)),
    notFound: wire.notFound.filter((idNumber) => asked.has(idNumber)),
  }),
  toAnswer: toPersonsAnswer,
};

export const HOUSEHOLDS_SEARCH: RegistrySearch<WireHouseholdsAnswer, HouseholdsAnswer> = {
  source: 'HOUSEHOLD_REGISTRATION',
  operationId: 'searchHouseholds',
  path: '/household-registration/v1/households/search',
  identifiersField: 'householdNumbers',
  validate: validateHouseholdsAnswer,
  accountedFor: (wire) => wire.households.map((household) => household.householdNumber),
  restrict: (wire, asked) => ({
    households: wire.households.filter((household) => asked.has(household.householdNumber)),
    notFound: wire.notFound.filter((householdNumber) => asked.has(householdNumber)),
  }),
  toAnswer: toHouseholdsAnswer,
};
