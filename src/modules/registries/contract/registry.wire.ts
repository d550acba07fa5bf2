/**
 * Payloads as the registries send them (`contracts/registries.openapi.yaml`), after schema
 * validation. Only the mappers read these; the rest of the service sees `registry.types.ts`.
 */
import type {
  EntityRoleName,
  EntityStatus,
  EntityType,
  HouseholdType,
  PersonStatus,
  Relationship,
  VehicleStatus,
} from '../registry.types.js';

export interface WirePerson {
  idNumber: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  status: PersonStatus;
  householdNumber: string;
  relationshipToHead: Relationship;
  regionCode: string;
  address?: string;
}

export interface WireHousehold {
  householdNumber: string;
  regionCode: string;
  householdType: HouseholdType;
  address?: string;
  members: { idNumber: string; name: string; relationshipToHead: string; status: PersonStatus }[];
}

export interface WireVehicle {
  plateNumber: string;
  ownerIdNumber: string;
  vehicleType: string;
  usage: 'NON_COMMERCIAL' | 'COMMERCIAL' | 'AGRICULTURAL';
  registeredOn: string;
  status: VehicleStatus;
  disabilityAdapted?: boolean;
  assessedValue?: number;
}

export interface WireMarketEntity {
  creditCode: string;
  name: string;
  entityType: EntityType;
  status: EntityStatus;
  registeredCapital?: number;
  establishedOn?: string;
  roles: { idNumber: string; role: EntityRoleName; shareRatio?: number }[];
}

export interface WirePersonsAnswer {
  persons: WirePerson[];
  notFound: string[];
}

export interface WireHouseholdsAnswer {
  households: WireHousehold[];
  notFound: string[];
}

export interface WireVehiclesAnswer {
  vehicles: WireVehicle[];
  notFound: string[];
}

export interface WireEntitiesAnswer {
  entities: WireMarketEntity[];
  notFound: string[];
}

export interface WireError {
  error: { code: string; message: string };
}
