/** Wire records for the registries' specs: valid under the contract, overridable field by field. */
import type { WireHousehold, WireMarketEntity, WirePerson, WireVehicle } from './registry.wire.js';

export const HEAD = '542521198001010012';
export const SPOUSE = '542521198203040026';
export const CHILD = '54252120100506003X';

export function wirePerson(idNumber: string, extra: Partial<WirePerson> = {}): WirePerson {
  return {
    idNumber,
    name: '次仁',
    gender: 'M',
    birthDate: '1980-01-01',
    status: 'ACTIVE',
    householdNumber: '542521000123',
    relationshipToHead: 'HEAD',
    regionCode: '542521',
    ...extra,
  };
}

export function wireHousehold(householdNumber: string, memberIds: string[]): WireHousehold {
  return {
    householdNumber,
    regionCode: '542521',
    householdType: 'RURAL',
    address: '噶尔县狮泉河镇',
    members: memberIds.map((idNumber) => ({ idNumber, name: '卓玛', relationshipToHead: 'CHILD', status: 'ACTIVE' })),
  };
}

export function wireVehicle(plateNumber: string, extra: Partial<WireVehicle> = {}): WireVehicle {
  return {
    plateNumber,
    ownerIdNumber: HEAD,
    vehicleType: 'K33',
    usage: 'NON_COMMERCIAL',
    registeredOn: '2019-05-20',
    status: 'NORMAL',
    ...extra,
  };
}

export function wireEntity(creditCode: string, roles: WireMarketEntity['roles'], extra: Partial<WireMarketEntity> = {}): WireMarketEntity {
  return {
    creditCode,
    name: '阿里高原商贸有限公司',
    entityType: 'ENTERPRISE',
    status: 'ACTIVE',
    registeredCapital: 500000,
    roles,
    ...extra,
  };
}
