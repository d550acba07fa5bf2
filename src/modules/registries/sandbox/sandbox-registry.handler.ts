import { deepFreeze } from '../../../core/json/deep-freeze.js';
import type { WireHousehold, WireMarketEntity, WirePerson, WireVehicle } from '../contract/registry.wire.js';
import type { RegistrySource } from '../registry.types.js';
import data from './sandbox-dataset.json' with { type: 'json' };

/** What the sandbox registries hold, in the contract's wire shapes (money as JSON numbers). */
export interface SandboxDataset {
  persons: WirePerson[];
  households: WireHousehold[];
  vehicles: WireVehicle[];
  entities: WireMarketEntity[];
}

/** The four searches of `contracts/registries.openapi.yaml`, by path. */
export const SANDBOX_ENDPOINTS = {
  '/household-registration/v1/persons/search': {
    source: 'HOUSEHOLD_REGISTRATION',
    identifiersField: 'idNumbers',
    resultsField: 'persons',
  },
  '/household-registration/v1/households/search': {
    source: 'HOUSEHOLD_REGISTRATION',
    identifiersField: 'householdNumbers',
    resultsField: 'households',
  },
  '/vehicle-registration/v1/owners/search': {
    source: 'VEHICLE_REGISTRATION',
    identifiersField: 'idNumbers',
    resultsField: 'vehicles',
  },
  '/business-registration/v1/persons/search': {
    source: 'BUSINESS_REGISTRATION',
    identifiersField: 'idNumbers',
    resultsField: 'entities',
  },
} as const satisfies Record<string, { source: RegistrySource; identifiersField: 'idNumbers' | 'householdNumbers'; resultsField: string }>;

export type SandboxPath = keyof typeof SANDBOX_ENDPOINTS;

export interface SandboxAnswer {
  status: number;
  body: unknown;
}

const MAX_IDENTIFIERS = 50;
const PATTERNS = { idNumbers: /^[0-9]{17}[0-9X]$/, householdNumbers: /^[0-9A-Z]{6,20}$/ } as const;

let shared: SandboxDataset | undefined;

/**
 * The dataset that ships with the service. It is frozen, because every in-process sandbox
 * hands out references to its records: a caller that changed one would change what every
 * later lookup sees.
 */
export function loadSandboxDataset(): SandboxDataset {
  shared ??= deepFreeze(data as SandboxDataset);
  return shared;
}

export function isSandboxPath(path: string): path is SandboxPath {
  return Object.hasOwn(SANDBOX_ENDPOINTS, path);
}

export function errorAnswer(status: number, code: string, message: string): SandboxAnswer {
  return { status, body: { error: { code, message } } };
}

/**
 * The three registries of the contract answered in-process from a dataset: the same request
 * validation and the same answers as the registries' HTTP endpoints, without HTTP. Records in
 * the answers are the dataset's own objects; treat them as read-only.
 */
export class SandboxRegistry {
  private readonly persons = new Map<string, WirePerson>();
  private readonly households = new Map<string, WireHousehold>();
  private readonly vehiclesByOwner = new Map<string, WireVehicle[]>();
  private readonly rolesByPerson = new Map<string, { entity: WireMarketEntity; roles: WireMarketEntity['roles'] }[]>();

  constructor(dataset: SandboxDataset) {
    for (const person of dataset.persons) this.persons.set(person.idNumber, person);
    for (const household of dataset.households) this.households.set(household.householdNumber, household);
    for (const vehicle of dataset.vehicles) listAt(this.vehiclesByOwner, vehicle.ownerIdNumber).push(vehicle);
    for (const entity of dataset.entities) {
      for (const role of entity.roles) {
        const held = listAt(this.rolesByPerson, role.idNumber);
        const inEntity = held.find((entry) => entry.entity === entity);
        if (inEntity) inEntity.roles.push(role);
        else held.push({ entity, roles: [role] });
      }
    }
  }

  /** Validates a request body as the contract does, then answers it; 404 for any other path. */
  handle(path: string, body: unknown): SandboxAnswer {
    if (!isSandboxPath(path)) return errorAnswer(404, 'NOT_FOUND', 'no such search');
    const identifiers = readIdentifiers(body, SANDBOX_ENDPOINTS[path].identifiersField);
    return Array.isArray(identifiers) ? { status: 200, body: this.search(path, identifiers) } : identifiers;
  }

  /**
   * The answer for identifiers already known to be valid, each accounted for once, in the
   * order first asked. Asking for none answers empty lists (the contract never does that).
   */
  search(path: SandboxPath, identifiers: readonly string[]): object {
    const distinct = [...new Set(identifiers)];
    switch (path) {
      case '/household-registration/v1/persons/search':
        return lookup(distinct, this.persons, 'persons');
      case '/household-registration/v1/households/search':
        return lookup(distinct, this.households, 'households');
      case '/vehicle-registration/v1/owners/search': {
        const { found, notFound } = lookup(distinct, this.vehiclesByOwner, 'found');
        return { vehicles: found.flat(), notFound };
      }
      case '/business-registration/v1/persons/search':
        return this.searchEntities(distinct);
    }
  }

  /** One entry per entity, carrying only the roles of the persons asked. */
  private searchEntities(idNumbers: string[]): { entities: WireMarketEntity[]; notFound: string[] } {
    const byCode = new Map<string, WireMarketEntity>();
    const notFound: string[] = [];
    for (const idNumber of idNumbers) {
      const held = this.rolesByPerson.get(idNumber);
      if (!held) {
        notFound.push(idNumber);
        continue;
      }
      for (const { entity, roles } of held) {
        const answered = byCode.get(entity.creditCode);
        if (answered) answered.roles.push(...roles);
        else byCode.set(entity.creditCode, { ...entity, roles: [...roles] });
      }
    }
    return { entities: [...byCode.values()], notFound };
  }
}

/** The identifiers of a request body, or the 400 answer saying what is wrong with it (never quoting an identifier). */
function readIdentifiers(body: unknown, field: keyof typeof PATTERNS): string[] | SandboxAnswer {
  const invalid = (message: string) => errorAnswer(400, 'INVALID_REQUEST', message);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('the body must be a JSON object');
  const identifiers = (body as Record<string, unknown>)[field];
  if (!Array.isArray(identifiers)) return invalid(`${field} must be an array`);
  if (identifiers.length > MAX_IDENTIFIERS) {
    return errorAnswer(400, 'TOO_MANY_IDENTIFIERS', `at most ${MAX_IDENTIFIERS} ${field} per request`);
  }
  if (identifiers.length === 0) return invalid(`${field} must not be empty`);
  const pattern = PATTERNS[field];
  const bad = identifiers.findIndex((identifier) => typeof identifier !== 'string' || !pattern.test(identifier));
  return bad < 0 ? (identifiers as string[]) : invalid(`${field}[${bad}] must match ${pattern.source}`);
}

function lookup<T, K extends string>(
  identifiers: string[],
  records: Map<string, T>,
  resultsField: K,
): Record<K, T[]> & { notFound: string[] } {
  const found: T[] = [];
  const notFound: string[] = [];
  for (const identifier of identifiers) {
    const record = records.get(identifier);
    if (record === undefined) notFound.push(identifier);
    else found.push(record);
  }
  return { [resultsField]: found, notFound } as Record<K, T[]> & { notFound: string[] };
}

function listAt<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
