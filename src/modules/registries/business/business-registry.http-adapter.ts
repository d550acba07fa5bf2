import { searchInChunks } from '../contract/registry-search.js';
import type { RegistryHttpClient } from '../http/registry-http.client.js';
import type { BusinessRegistryAnswer, RegistryLookup } from '../registry.types.js';
import { BUSINESS_PERSONS_SEARCH } from './business-registry.mapper.js';
import { BusinessRegistry } from './business-registry.port.js';

/** Business registration at BUSINESS_REGISTRY_URL. */
export class BusinessRegistryHttpAdapter extends BusinessRegistry {
  constructor(private readonly client: RegistryHttpClient) {
    super();
  }

  searchByPersons(idNumbers: string[]): Promise<RegistryLookup<BusinessRegistryAnswer>> {
    return searchInChunks(BUSINESS_PERSONS_SEARCH, idNumbers, this.client);
  }
}
