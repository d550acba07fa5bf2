import type { RegistryLookup, VehicleRegistryAnswer } from '../registry.types.js';

/**
 * Vehicle registration (车辆), run by traffic management: every vehicle registered to the
 * persons asked, whatever its status. An adapter splits more than 50 owners into several calls.
 */
export abstract class VehicleRegistry {
  abstract searchByOwners(idNumbers: string[]): Promise<RegistryLookup<VehicleRegistryAnswer>>;
}
