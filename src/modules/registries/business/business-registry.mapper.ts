import { ContractViolation, decimalText, distinctSorted, sortByKeys } from '../contract/registry-mapping.js';
import type { RegistrySearch } from '../contract/registry-search.js';
import { validateEntitiesAnswer } from '../contract/registry-validation.js';
import type { WireEntitiesAnswer, WireMarketEntity } from '../contract/registry.wire.js';
import type { BusinessRegistryAnswer, EntityRole, MarketEntity } from '../registry.types.js';

export function toMarketEntity(wire: WireMarketEntity): MarketEntity {
  return {
    creditCode: wire.creditCode,
    name: wire.name,
    entityType: wire.entityType,
    status: wire.status,
    ...(wire.registeredCapital === undefined ? {} : { registeredCapital: decimalText(wire.registeredCapital) }),
    ...(wire.establishedOn === undefined ? {} : { establishedOn: wire.establishedOn }),
    roles: wire.roles.map(toEntityRole),
  };
}

function toEntityRole(wire: WireMarketEntity['roles'][number]): EntityRole {
  return {
    idNumber: wire.idNumber,
    role: wire.role,
    ...(wire.shareRatio === undefined ? {} : { shareRatio: decimalText(wire.shareRatio) }),
  };
}

/**
 * One entry per entity. An entity in which persons of two different calls hold roles comes
 * back from both calls, each time with only that call's roles: the roles are united. Two
 * entries that disagree on the entity itself (its status, its capital) leave no way to tell
 * which is right, so the answer is refused.
 */
export function toBusinessAnswer(wires: WireEntitiesAnswer[]): BusinessRegistryAnswer {
  const byCreditCode = new Map<string, MarketEntity>();
  for (const entity of wires.flatMap((wire) => wire.entities).map(toMarketEntity)) {
    const known = byCreditCode.get(entity.creditCode);
    if (!known) {
      byCreditCode.set(entity.creditCode, entity);
    } else if (JSON.stringify({ ...known, roles: [] }) !== JSON.stringify({ ...entity, roles: [] })) {
      throw new ContractViolation('describes one entity in two different ways');
    } else {
      known.roles.push(...entity.roles);
    }
  }
  const entities = [...byCreditCode.values()].map((entity) => ({
    ...entity,
    roles: sortByKeys(
      entity.roles,
      (role) => role.idNumber,
      (role) => role.role,
      (role) => role.shareRatio ?? '',
    ),
  }));
  return {
    entities: sortByKeys(entities, (entity) => entity.creditCode),
    notFound: distinctSorted(wires.flatMap((wire) => wire.notFound)),
  };
}

export const BUSINESS_PERSONS_SEARCH: RegistrySearch<WireEntitiesAnswer, BusinessRegistryAnswer> = {
  source: 'BUSINESS_REGISTRATION',
  operationId: 'searchMarketEntitiesByPerson',
  path: '/business-registration/v1/persons/search',
  identifiersField: 'idNumbers',
  validate: validateEntitiesAnswer,
  accountedFor: (wire) => wire.entities.flatMap((entity) => entity.roles.map((role) => role.idNumber)),
  // An entity is kept with the roles of the persons asked only, as the registry answers them.
  restrict: (wire, asked) => ({
    entities: wire.entities
      .map((entity) => ({ ...entity, roles: entity.roles.filter((role) => asked.has(role.idNumber)) }))
      .filter((entity) => entity.roles.length > 0),
    notFound: wire.notFound.filter((idNumber) => asked.has(idNumber)),
  }),
  toAnswer: toBusinessAnswer,
};
