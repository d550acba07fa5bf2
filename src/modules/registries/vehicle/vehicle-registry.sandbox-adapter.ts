import { searchInChunks } from '../contract/registry-search.js';
import type { RegistryLookup, VehicleRegistryAnswer } from '../registry.types.js';
import type { SandboxRegistryTransport } from '../sandbox/sandbox-registry.transport.js';
import { VEHICLE_OWNERS_SEARCH } from './vehicle-registry.mapper.js';
import { VehicleRegistry } from './vehicle-registry.port.js';

/** Vehicle registration answered by the built-in sandbox (VEHICLE_REGISTRY_URL unset). */
export class VehicleRegistrySandboxAdapter extends VehicleRegistry {
  constructor(private readonly sandbox: SandboxRegistryTransport) {
    super();
  }

  searchByOwners(idNumbers: string[]): Promise<RegistryLookup<VehicleRegistryAnswer>> {
    return searchInChunks(VEHICLE_OWNERS_SEARCH, idNumbers, this.sandbox);
  }
}
