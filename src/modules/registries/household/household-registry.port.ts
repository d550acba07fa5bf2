import type { RegisteredHousehold, RegisteredPerson, RegistryLookup } from '../registry.types.js';

/**
 * Household registration (户籍), run by public security. Both searches take any number of
 * identifiers; an adapter splits them into calls of at most 50 and merges the answers, so
 * that a caller may ask for several applications' members at once.
 */
export abstract class HouseholdRegistry {
  /** Persons by resident identity number; each number asked is in `persons` or in `notFound`. */
  abstract searchPersons(idNumbers: string[]): Promise<RegistryLookup<{ persons: RegisteredPerson[]; notFound: string[] }>>;

  /** Registered households with all their members, by household number. */
  abstract searchHouseholds(householdNumbers: string[]): Promise<RegistryLookup<{ households: RegisteredHousehold[]; notFound: string[] }>>;
}
