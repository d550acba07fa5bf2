import { searchInChunks } from '../contract/registry-search.js';
import type { RegistryHttpClient } from '../http/registry-http.client.js';
import type { RegistryLookup } from '../registry.types.js';
import { HouseholdRegistry } from './household-registry.port.js';
import { HOUSEHOLDS_SEARCH, PERSONS_SEARCH, type HouseholdsAnswer, type PersonsAnswer } from './household-registry.mapper.js';

/** Household registration at HOUSEHOLD_REGISTRY_URL. */
export class HouseholdRegistryHttpAdapter extends HouseholdRegistry {
  constructor(private readonly client: RegistryHttpClient) {
    super();
  }

  searchPersons(idNumbers: string[]): Promise<RegistryLookup<PersonsAnswer>> {
    return searchInChunks(PERSONS_SEARCH, idNumbers, this.client);
  }

  searchHouseholds(householdNumbers: string[]): Promise<RegistryLookup<HouseholdsAnswer>> {
    return searchInChunks(HOUSEHOLDS_SEARCH, householdNumbers, this.client);
  }
}
