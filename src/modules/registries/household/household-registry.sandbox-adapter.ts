import { searchInChunks } from '../contract/registry-search.js';
import type { RegistryLookup } from '../registry.types.js';
import type { SandboxRegistryTransport } from '../sandbox/sandbox-registry.transport.js';
import { HouseholdRegistry } from './household-registry.port.js';
import { HOUSEHOLDS_SEARCH, PERSONS_SEARCH, type HouseholdsAnswer, type PersonsAnswer } from './household-registry.mapper.js';

/** Household registration answered by the built-in sandbox (HOUSEHOLD_REGISTRY_URL unset). */
export class HouseholdRegistrySandboxAdapter extends HouseholdRegistry {
  constructor(private readonly sandbox: SandboxRegistryTransport) {
    super();
  }

  searchPersons(idNumbers: string[]): Promise<RegistryLookup<PersonsAnswer>> {
    return searchInChunks(PERSONS_SEARCH, idNumbers, this.sandbox);
  }

  searchHouseholds(householdNumbers: string[]): Promise<RegistryLookup<HouseholdsAnswer>> {
    return searchInChunks(HOUSEHOLDS_SEARCH, householdNumbers, this.sandbox);
  }
}
