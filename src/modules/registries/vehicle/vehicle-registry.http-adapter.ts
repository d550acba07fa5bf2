import { SearchBatcher, type LookupOptions, type SearchBatcherOptions } from '../contract/search-batcher.js';
import type { WireVehiclesAnswer } from '../contract/registry.wire.js';
import type { RegistryHttpClient } from '../http/registry-http.client.js';
import type { RegistryLookup, VehicleRegistryAnswer } from '../registry.types.js';
import { VEHICLE_OWNERS_SEARCH } from './vehicle-registry.mapper.js';
import { VehicleRegistry } from './vehicle-registry.port.js';

/** Vehicle registration at VEHICLE_REGISTRY_URL, in calls shared between the checks of many applications. */
export class VehicleRegistryHttpAdapter extends VehicleRegistry {
  private readonly owners: SearchBatcher<WireVehiclesAnswer, VehicleRegistryAnswer>;

  constructor(client: RegistryHttpClient, batching: SearchBatcherOptions) {
    super();
    this.owners = new SearchBatcher(VEHICLE_OWNERS_SEARCH, client, batching);
  }

  searchByOwners(idNumbers: string[], options?: LookupOptions): Promise<RegistryLookup<VehicleRegistryAnswer>> {
    return this.owners.lookup(idNumbers, options);
  }
}
