import type { LookupOptions } from '../contract/search-batcher.js';
import type { RegistryLookup, VehicleRegistryAnswer } from '../registry.types.js';

/**
 * Vehicle registration (车辆), run by traffic management: every vehicle registered to the
 * persons asked, whatever its status. An adapter may share calls of at most 50 owners between
 * callers; each gets only its own answer.
 */
export abstract class VehicleRegistry {
  abstract searchByOwners(idNumbers: string[], options?: LookupOptions): Promise<RegistryLookup<VehicleRegistryAnswer>>;
}
