import type { Vehicle, VehicleStatus } from '../../registries/registry.types.js';
import type { DeclaredMember } from '../eligibility.types.js';
import { draft, pointer, type FindingDraft } from './finding-draft.js';

/** Seized and mortgaged vehicles are still the owner's; scrapped, deregistered and transferred ones are not. */
const OWNED_STATUSES: readonly VehicleStatus[] = ['NORMAL', 'SEIZED', 'MORTGAGED'];

function isCountedVehicle(vehicle: Vehicle, exemptClasses: readonly string[]): boolean {
  return OWNED_STATUSES.includes(vehicle.status) && !vehicle.disabilityAdapted && !exemptClasses.includes(vehicle.vehicleType.charAt(0));
}

/** One finding per declared member, whatever their registry status, who owns a counted vehicle. */
export function vehicleRule(
  members: readonly DeclaredMember[],
  vehicles: readonly Vehicle[],
  exemptClasses: readonly string[],
): FindingDraft[] {
  return members.flatMap((member) => {
    const counted = vehicles.filter((vehicle) => vehicle.ownerIdNumber === member.idNumber && isCountedVehicle(vehicle, exemptClasses));
    if (counted.length === 0) return [];
    return [
      draft({
        code: 'VEHICLE_OWNED',
        memberIdNumber: member.idNumber,
        reason:
          'This member owns a vehicle that counts as an asset: in use, seized or mortgaged, of a class that is not exempt, not adapted for a disabled driver.',
        figures: { countedVehicles: counted.length },
        evidence: counted.map((vehicle) => pointer('VEHICLE_REGISTRATION', vehicle.plateNumber)),
      }),
    ];
  });
}
