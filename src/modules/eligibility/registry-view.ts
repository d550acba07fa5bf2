import type { MarketEntity, RegisteredHousehold, RegisteredPerson, Vehicle } from '../registries/registry.types.js';

export interface HouseholdRecords {
  /** Registry records of the declared members found, by identity number. */
  persons: ReadonlyMap<string, RegisteredPerson>;
  /** The HEAD's registered household; null when the HEAD was not found. */
  headHousehold: RegisteredHousehold | null;
}

/** The registry answers the rules may rely on; null where a SOURCE_* finding suspends that registry's rules. */
export interface RegistryView {
  household: HouseholdRecords | null;
  vehicles: readonly Vehicle[] | null;
  entities: readonly MarketEntity[] | null;
}
