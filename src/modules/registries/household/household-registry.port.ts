import type { LookupOptions } from '../contract/search-batcher.js';
import type { RegisteredHousehold, RegisteredPerson, RegistryLookup } from '../registry.types.js';

/**
 * Household registration (户籍), run by public security. Both searches take any number of
 * identifiers; an adapter splits them into calls of at most 50, which it may share between
 * callers, and gives each caller only its own answer.
 */
export abstract class HouseholdRegistry {
  /** Persons by resident identity number; each number asked is in `persons` or in `notFound`. */
  abstract searchPersons(
    idNumbers: string[],
    options?: LookupOptions,
  ): Promise<RegistryLookup<{ persons: RegisteredPerson[]; notFound: string[] }>>;

  /** Registered households with all their members, by household number. */
  abstract searchHouseholds(
    householdNumbers: string[],
    options?: LookupOptions,
  ): Promise<RegistryLookup<{ households: RegisteredHousehold[]; notFound: string[] }>>;
}
