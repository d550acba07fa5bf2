import { Injectable } from '@nestjs/common';
import type { LookupOptions } from '../../registries/contract/search-batcher.js';
import { BusinessRegistry } from '../../registries/business/business-registry.port.js';
import type { BusinessRegistryAnswer, RegistryLookup } from '../../registries/registry.types.js';
import { type CheckedMember, RegistryCheck } from './registry-check.js';

@Injectable()
export class BusinessRegistryCheck extends RegistryCheck<'BUSINESS_REGISTRATION'> {
  readonly source = 'BUSINESS_REGISTRATION' as const;

  constructor(private readonly registry: BusinessRegistry) {
    super();
  }

  consult(members: CheckedMember[], options?: LookupOptions): Promise<RegistryLookup<BusinessRegistryAnswer>> {
    return this.registry.searchByPersons(
      members.map((member) => member.idNumber),
      options,
    );
  }
}
