/**
 * The project's own view of what the registries answer. Adapters map the wire payloads of
 * `contracts/registries.openapi.yaml` into these types; nothing outside a registry folder
 * sees a wire payload. Every answer is complete for what was asked: each identifier asked
 * is either in the records or in the matching `notFound` list.
 */

export const REGISTRY_SOURCES = ['HOUSEHOLD_REGISTRATION', 'VEHICLE_REGISTRATION', 'BUSINESS_REGISTRATION'] as const;
export type RegistrySource = (typeof REGISTRY_SOURCES)[number];

export const PERSON_STATUSES = ['ACTIVE', 'DECEASED', 'MIGRATED_OUT', 'CANCELLED'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const RELATIONSHIPS = [
  'HEAD',
  'SPOUSE',
  'CHILD',
  'PARENT',
  'GRANDPARENT',
  'GRANDCHILD',
  'SIBLING',
  'CHILD_IN_LAW',
  'OTHER',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export type HouseholdType = 'URBAN' | 'RURAL';

export interface RegisteredPerson {
  idNumber: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  status: PersonStatus;
  householdNumber: string;
  relationshipToHead: Relationship;
  regionCode: string;
}

export interface RegisteredHouseholdMember {
  idNumber: string;
  name: string;
  relationshipToHead: string;
  status: PersonStatus;
}

export interface RegisteredHousehold {
  householdNumber: string;
  regionCode: string;
  householdType: HouseholdType;
  members: RegisteredHouseholdMember[];
}

/** Household registration: the persons asked for, and the HEAD's household (asked only when the HEAD was found). */
export interface HouseholdRegistryAnswer {
  persons: RegisteredPerson[];
  notFound: string[];
  households: RegisteredHousehold[];
  householdsNotFound: string[];
}

export const VEHICLE_STATUSES = ['NORMAL', 'SCRAPPED', 'DEREGISTERED', 'TRANSFERRED', 'SEIZED', 'MORTGAGED'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

export interface Vehicle {
  plateNumber: string;
  ownerIdNumber: string;
  vehicleType: string;
  usage: 'NON_COMMERCIAL' | 'COMMERCIAL' | 'AGRICULTURAL';
  registeredOn: string;
  status: VehicleStatus;
  disabilityAdapted: boolean;
  /** Yuan as the registry's decimal text, exactly; absent where the registry has no valuation. */
  assessedValue?: string;
}

export interface VehicleRegistryAnswer {
  vehicles: Vehicle[];
  notFound: string[];
}

export type EntityType = 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'FARMER_COOPERATIVE' | 'OTHER';
export type EntityStatus = 'ACTIVE' | 'REVOKED' | 'CANCELLED';
export type EntityRoleName = 'LEGAL_REPRESENTATIVE' | 'SHAREHOLDER' | 'OPERATOR' | 'EXECUTIVE';

export interface EntityRole {
  idNumber: string;
  role: EntityRoleName;
  /** Decimal text in [0, 1], exactly as the registry gave it; absent counts as 1. */
  shareRatio?: string;
}

export interface MarketEntity {
  creditCode: string;
  name: string;
  entityType: EntityType;
  status: EntityStatus;
  /** Yuan as the registry's decimal text, exactly; absent counts as 0. */
  registeredCapital?: string;
  establishedOn?: string;
  roles: EntityRole[];
}

export interface BusinessRegistryAnswer {
  entities: MarketEntity[];
  notFound: string[];
}

export interface RegistryAnswers {
  HOUSEHOLD_REGISTRATION: HouseholdRegistryAnswer;
  VEHICLE_REGISTRATION: VehicleRegistryAnswer;
  BUSINESS_REGISTRATION: BusinessRegistryAnswer;
}

/** Why a registry could not give an answer that the rules may rely on. */
export type SourceFailure = 'UNAVAILABLE' | 'INVALID_RESPONSE';

/** What the verification learnt from one registry: an answer, or the reason there is none. */
export type SourceOutcome<T> = { ok: true; answer: T } | { ok: false; failure: SourceFailure };

/** One consultation of a registry, as an adapter reports it. */
export interface RegistryLookup<T> {
  answer: T;
  /** The X-Request-Id of each call made (a lookup of more than 50 identifiers takes several). */
  requestIds: string[];
  attempts: number;
}
