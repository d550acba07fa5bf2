import { decimalText, distinctSorted, sortByKeys } from '../contract/registry-mapping.js';
import type { RegistrySearch } from '../contract/registry-search.js';
import { validateVehiclesAnswer } from '../contract/registry-validation.js';
import type { WireVehicle, WireVehiclesAnswer } from '../contract/registry.wire.js';
import type { Vehicle, VehicleRegistryAnswer } from '../registry.types.js';

export function toVehicle(wire: WireVehicle): Vehicle {
  return {
    plateNumber: wire.plateNumber,
    ownerIdNumber: wire.ownerIdNumber,
    vehicleType: wire.vehicleType,
    usage: wire.usage,
    registeredOn: wire.registeredOn,
    status: wire.status,
    // The contract's default: a vehicle is adapted only when the registry says so.
    disabilityAdapted: wire.disabilityAdapted ?? false,
    ...(wire.assessedValue === undefined ? {} : { assessedValue: decimalText(wire.assessedValue) }),
  };
}

/**
 * Vehicles ordered by plate. A plate can come back more than once (a plate reissued after
 * the first vehicle was scrapped), so the other fields break ties and the order never
 * depends on the registry's.
 */
export function toVehicleAnswer(wires: WireVehiclesAnswer[]): VehicleRegistryAnswer {
  const vehicles = wires.flatMap((wire) => wire.vehicles).map(toVehicle);
  return {
    vehicles: sortByKeys(
      vehicles,
      (vehicle) => vehicle.plateNumber,
      (vehicle) => vehicle.ownerIdNumber,
      (vehicle) => vehicle.registeredOn,
      (vehicle) => vehicle.status,
    ),
    notFound: distinctSorted(wires.flatMap((wire) => wire.notFound)),
  };
}

export const VEHICLE_OWNERS_SEARCH: RegistrySearch<WireVehiclesAnswer, VehicleRegistryAnswer> = {
  source: 'VEHICLE_REGISTRATION',
  operationId: 'searchVehiclesByOwner',
  path: '/vehicle-registration/v1/owners/search',
  identifiersField: 'idNumbers',
  validate: validateVehiclesAnswer,
  accountedFor: (wire) => wire.vehicles.map((vehicle) => vehicle.ownerIdNumber),
  restrict: (wire, asked) => ({
    vehicles: wire.vehicles.filter((vehicle) => asked.has(vehicle.ownerIdNumber)),
    notFound: wire.notFound.filter((idNumber) => asked.has(idNumber)),
  }),
  toAnswer: toVehicleAnswer,
};
