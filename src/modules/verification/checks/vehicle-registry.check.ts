import { Injectable } from '@nestjs/common';
import type { LookupOptions } from '../../registries/contract/search-batcher.js';
import type { RegistryLookup, VehicleRegistryAnswer } from '../../registries/registry.types.js';
import { VehicleRegistry } from '../../registries/vehicle/vehicle-registry.port.js';
import { type CheckedMember, RegistryCheck } from './registry-check.js';

/** Every declared member, whatever their registry status: a deceased owner's car still counts. */
@Injectable()
export class VehicleRegistryCheck extends RegistryCheck<'VEHICLE_REGISTRATION'> {
  readonly source = 'VEHICLE_REGISTRATION' as const;

  constructor(private readonly registry: VehicleRegistry) {
    super();
  }

  consult(members: CheckedMember[], options?: LookupOptions): Promise<RegistryLookup<VehicleRegistryAnswer>> {
    return this.registry.searchByOwners(
      members.map((member) => member.idNumber),
      options,
    );
  }
}
