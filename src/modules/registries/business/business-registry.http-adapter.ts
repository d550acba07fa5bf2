import { SearchBatcher, type LookupOptions, type SearchBatcherOptions } from '../contract/search-batcher.js';
import type { WireEntitiesAnswer } from '../contract/registry.wire.js';
import type { RegistryHttpClient } from '../http/registry-http.client.js';
import type { BusinessRegistryAnswer, RegistryLookup } from '../registry.types.js';
import { BUSINESS_PERSONS_SEARCH } from './business-registry.mapper.js';
import { BusinessRegistry } from './business-registry.port.js';

/** Business registration at BUSINESS_REGISTRY_URL, in calls shared between the checks of many applications. */
export class BusinessRegistryHttpAdapter extends BusinessRegistry {
  private readonly persons: SearchBatcher<WireEntitiesAnswer, BusinessRegistryAnswer>;

  constructor(client: RegistryHttpClient, batching: SearchBatcherOptions) {
    super();
    this.persons = new SearchBatcher(BUSINESS_PERSONS_SEARCH, client, batching);
  }

  searchByPersons(idNumbers: string[], options?: LookupOptions): Promise<RegistryLookup<BusinessRegistryAnswer>> {
    return this.persons.lookup(idNumbers, options);
  }
}
