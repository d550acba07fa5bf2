import type { BusinessRegistryAnswer, RegistryLookup } from '../registry.types.js';

/**
 * Business registration (工商登记), run by market regulation: every market entity, whatever
 * its status, in which the persons asked hold a registered role. An adapter splits more than
 * 50 persons into several calls.
 */
export abstract class BusinessRegistry {
  abstract searchByPersons(idNumbers: string[]): Promise<RegistryLookup<BusinessRegistryAnswer>>;
}
