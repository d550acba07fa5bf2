import { searchInChunks } from '../contract/registry-search.js';
import type { RegistryHttpClient } from '../http/registry-http.client.js';
import type { RegistryLookup, VehicleRegistryAnswer } from '../registry.types.js';
import { VEHICLE_OWNERS_SEARCH } from './vehicle-registry.mapper.js';
import { VehicleRegistry } from './vehicle-registry.port.js';

/** Vehicle registration at VEHICLE_REGISTRY_URL. */
export class VehicleRegistryHttpAdapter extends VehicleRegistry {
  constructor(private readonly client: RegistryHttpClient) {
    super();
  }

  searchByOwners(idNumbers: string[]): Promise<RegistryLookup<VehicleRegistryAnswer>> {
    return searchInChunks(VEHICLE_OWNERS_SEARCH, idNumbers, this.client);
  }
}
