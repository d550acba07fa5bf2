import { searchInChunks } from '../contract/registry-search.js';
import type { BusinessRegistryAnswer, RegistryLookup } from '../registry.types.js';
import type { SandboxRegistryTransport } from '../sandbox/sandbox-registry.transport.js';
import { BUSINESS_PERSONS_SEARCH } from './business-registry.mapper.js';
import { BusinessRegistry } from './business-registry.port.js';

/** Business registration answered by the built-in sandbox (BUSINESS_REGISTRY_URL unset). */
export class BusinessRegistrySandboxAdapter extends BusinessRegistry {
  constructor(private readonly sandbox: SandboxRegistryTransport) {
    super();
  }

  searchByPersons(idNumbers: string[]): Promise<RegistryLookup<BusinessRegistryAnswer>> {
    return searchInChunks(BUSINESS_PERSONS_SEARCH, idNumbers, this.sandbox);
  }
}
