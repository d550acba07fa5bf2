import type { LookupOptions } from '../../registries/contract/search-batcher.js';
import type { Relationship, RegistryAnswers, RegistryLookup, RegistrySource } from '../../registries/registry.types.js';

/** What a check needs to know of each declared member: no names, only what the registries are asked. */
export interface CheckedMember {
  idNumber: string;
  relationship: Relationship;
}

/**
 * How one registry is consulted for one household. A check asks through the registry's
 * port and does not own the HTTP call: the adapter may share the call with other households'
 * checks (`options.lane` says whose turn comes first). `S` is the registry's source name, `A`
 * its answer (that of a built-in registry by default).
 */
export abstract class RegistryCheck<S extends string = string, A = S extends RegistrySource ? RegistryAnswers[S] : unknown> {
  abstract readonly source: S;
  abstract consult(members: CheckedMember[], options?: LookupOptions): Promise<RegistryLookup<A>>;
}
