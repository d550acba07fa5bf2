/**
 * Payloads as the registries send them, after schema validation: the types generated from
 * `contracts/registries.openapi.yaml` (`npm run contract:types` writes registries.contract.d.ts).
 * Only the mappers read these; the rest of the service sees `registry.types.ts`, whose value
 * sets are checked below to be the contract's, so that a change to the contract is a compile error.
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
import type { components, operations } from './registries.contract.js';

type Schemas = components['schemas'];
type Answer<Operation extends keyof operations> = operations[Operation]['responses'][200]['content']['application/json'];

export type WirePerson = Schemas['RegisteredPerson'];
export type WireHousehold = Schemas['RegisteredHousehold'];
export type WireVehicle = Schemas['Vehicle'];
export type WireMarketEntity = Schemas['MarketEntity'];

export type WirePersonsAnswer = Answer<'searchPersons'>;
export type WireHouseholdsAnswer = Answer<'searchHouseholds'>;
export type WireVehiclesAnswer = Answer<'searchVehiclesByOwner'>;
export type WireEntitiesAnswer = Answer<'searchMarketEntitiesByPerson'>;

export type WireError = Schemas['Error'];

/** `true` only where A and B are the same type; a check below that is not fails to compile. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

/** The project's value sets (registry.types.ts) against the contract's enums. */
export type ContractValueSetsMatch = [
  Holds<Same<PersonStatus, WirePerson['status']>>,
  Holds<Same<PersonStatus, WireHousehold['members'][number]['status']>>,
  Holds<Same<Relationship, WirePerson['relationshipToHead']>>,
  Holds<Same<HouseholdType, WireHousehold['householdType']>>,
  Holds<Same<VehicleStatus, WireVehicle['status']>>,
  Holds<Same<EntityType, WireMarketEntity['entityType']>>,
  Holds<Same<EntityStatus, WireMarketEntity['status']>>,
  Holds<Same<EntityRoleName, WireMarketEntity['roles'][number]['role']>>,
];
