import { Injectable } from '@nestjs/common';
import type { LookupOptions } from '../../registries/contract/search-batcher.js';
import { HouseholdRegistry } from '../../registries/household/household-registry.port.js';
import { RegistryError } from '../../registries/registry.error.js';
import type { HouseholdRegistryAnswer, RegistryLookup } from '../../registries/registry.types.js';
import { type CheckedMember, RegistryCheck } from './registry-check.js';

/** Persons first; then, when the HEAD is on record, the HEAD's registered household. */
@Injectable()
export class HouseholdRegistryCheck extends RegistryCheck<'HOUSEHOLD_REGISTRATION'> {
  readonly source = 'HOUSEHOLD_REGISTRATION' as const;

  constructor(private readonly registry: HouseholdRegistry) {
    super();
  }

  async consult(members: CheckedMember[], options?: LookupOptions): Promise<RegistryLookup<HouseholdRegistryAnswer>> {
    const persons = await this.registry.searchPersons(
      members.map((member) => member.idNumber),
      options,
    );
    const head = members.find((member) => member.relationship === 'HEAD');
    const headRecord = persons.answer.persons.find((person) => person.idNumber === head?.idNumber);
    const answer: HouseholdRegistryAnswer = { ...persons.answer, households: [], householdsNotFound: [] };
    if (!headRecord) return { answer, requestIds: persons.requestIds, attempts: persons.attempts };

    try {
      const households = await this.registry.searchHouseholds([headRecord.householdNumber], options);
      answer.households = households.answer.households;
      answer.householdsNotFound = households.answer.notFound;
      return {
        answer,
        requestIds: [...persons.requestIds, ...households.requestIds],
        attempts: persons.attempts + households.attempts,
      };
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      throw new RegistryError(error.code, error.message, {
        ...error.options,
        attempts: persons.attempts + (error.options.attempts ?? 1),
        requestIds: [...persons.requestIds, ...(error.options.requestIds ?? [])],
      });
    }
  }
}
