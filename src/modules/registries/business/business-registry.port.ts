import type { LookupOptions } from '../contract/search-batcher.js';
import type { BusinessRegistryAnswer, RegistryLookup } from '../registry.types.js';

/**
 * Business registration (工商登记), run by market regulation: every market entity, whatever
 * its status, in which the persons asked hold a registered role. An adapter may share calls of
 * at most 50 persons between callers; each gets only its own answer.
 */
export abstract class BusinessRegistry {
  abstract searchByPersons(idNumbers: string[], options?: LookupOptions): Promise<RegistryLookup<BusinessRegistryAnswer>>;
}
