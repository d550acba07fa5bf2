import { SearchBatcher, type LookupOptions, type SearchBatcherOptions } from '../contract/search-batcher.js';
import type { WireHouseholdsAnswer, WirePersonsAnswer } from '../contract/registry.wire.js';
import type { RegistryHttpClient } from '../http/registry-http.client.js';
import type { RegistryLookup } from '../registry.types.js';
import { HouseholdRegistry } from './household-registry.port.js';
import { HOUSEHOLDS_SEARCH, PERSONS_SEARCH, type HouseholdsAnswer, type PersonsAnswer } from './household-registry.mapper.js';

/**
 * Household registration at HOUSEHOLD_REGISTRY_URL. Both searches are calls shared between the
 * checks of many applications: persons first, then the households the persons belong to.
 */
export class HouseholdRegistryHttpAdapter extends HouseholdRegistry {
  private readonly persons: SearchBatcher<WirePersonsAnswer, PersonsAnswer>;
  private readonly households: SearchBatcher<WireHouseholdsAnswer, HouseholdsAnswer>;

  constructor(client: RegistryHttpClient, batching: SearchBatcherOptions) {
    super();
    this.persons = new SearchBatcher(PERSONS_SEARCH, client, batching);
    this.households = new SearchBatcher(HOUSEHOLDS_SEARCH, client, batching);
  }

  searchPersons(idNumbers: string[], options?: LookupOptions): Promise<RegistryLookup<PersonsAnswer>> {
    return this.persons.lookup(idNumbers, options);
  }

  searchHouseholds(householdNumbers: string[], options?: LookupOptions): Promise<RegistryLookup<HouseholdsAnswer>> {
    return this.households.lookup(householdNumbers, options);
  }
}
