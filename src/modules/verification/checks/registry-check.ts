import type { Relationship, RegistryAnswers, RegistryLookup, RegistrySource } from '../../registries/registry.types.js';

/** What a check needs to know of each declared member: no names, only what the registries are asked. */
export interface CheckedMember {
  idNumber: string;
  relationship: Relationship;
}

/**
 * How one registry is consulted for one household. A check asks through the registry's
 * port and does not own the HTTP call, so that lookups can later be batched across households.
 */
export abstract class RegistryCheck<S extends RegistrySource = RegistrySource> {
  abstract readonly source: S;
  abstract consult(members: CheckedMember[]): Promise<RegistryLookup<RegistryAnswers[S]>>;
}
