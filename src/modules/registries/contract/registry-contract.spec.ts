import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { isCalendarDate } from '../../../core/time/calendar-date.js';
import { loadSandboxDataset } from '../sandbox/sandbox-registry.handler.js';
import { CHILD, HEAD, wireEntity, wireHousehold, wirePerson, wireVehicle } from './registry-wire.fixtures.js';
import {
  isErrorBody,
  validateEntitiesAnswer,
  validateHouseholdsAnswer,
  validatePersonsAnswer,
  validateVehiclesAnswer,
} from './registry-validation.js';

/**
 * The hand-written answer schemas (registry.schemas.ts) and the generated wire types
 * (registries.contract.d.ts) against the contract itself: a change to the YAML that they do
 * not follow fails here.
 */
const CONTRACT = join(process.cwd(), 'contracts/registries.openapi.yaml');
const SHARED = join(process.cwd(), '../shared/contracts/registries.openapi.yaml');
const GENERATED = join(process.cwd(), 'src/modules/registries/contract/registries.contract.d.ts');

type Json = { [key: string]: unknown };
const contract = parse(readFileSync(CONTRACT, 'utf8')) as Json;

/** A schema of the contract with its `$ref`s replaced by what they point at (the contract has no cycles). */
function resolved(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(resolved);
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => (at as Json)[key], contract);
    return resolved(target);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolved(value)]));
}

const ajv = new Ajv({ strict: false, allErrors: false });
ajv.addFormat('date', { type: 'string', validate: isCalendarDate });

function answerOf(path: string): ValidateFunction {
  const operation = ((contract.paths as Json)[path] as Json).post as Json;
  const answer = ((operation.responses as Json)['200'] as Json).content as Json;
  return ajv.compile(resolved((answer['application/json'] as Json).schema) as object);
}

const searches = [
  ['persons', '/household-registration/v1/persons/search', validatePersonsAnswer],
  ['households', '/household-registration/v1/households/search', validateHouseholdsAnswer],
  ['vehicles', '/vehicle-registration/v1/owners/search', validateVehiclesAnswer],
  ['entities', '/business-registration/v1/persons/search', validateEntitiesAnswer],
] as const;

const person = wirePerson(HEAD);
const household = wireHousehold('542521000123', [HEAD, CHILD]);
const vehicle = wireVehicle('藏F12345', { assessedValue: 80000, disabilityAdapted: false });
const entity = wireEntity('92542521MA6T12345X', [{ idNumber: HEAD, role: 'SHAREHOLDER', shareRatio: 0.4 }]);
const dataset = loadSandboxDataset();

/** Answers of each search: valid ones (the sandbox's real records among them) and broken ones. */
const samples: Record<(typeof searches)[number][0], [string, unknown][]> = {
  persons: [
    ['a person', { persons: [person], notFound: ['542521199901010000'] }],
    ['every sandbox person', { persons: dataset.persons, notFound: [] }],
    ['an unknown property', { persons: [{ ...person, nickname: 'x' }], notFound: [] }],
    ['no notFound', { persons: [person] }],
    ['a missing name', { persons: [{ ...person, name: undefined }], notFound: [] }],
    ['a gender outside the enum', { persons: [{ ...person, gender: 'X' }], notFound: [] }],
    ['a birth date that is no date', { persons: [{ ...person, birthDate: '1980-02-30' }], notFound: [] }],
    ['a relationship outside the enum', { persons: [{ ...person, relationshipToHead: 'COUSIN' }], notFound: [] }],
    ['a region code of 5 digits', { persons: [{ ...person, regionCode: '54252' }], notFound: [] }],
    ['notFound of numbers', { persons: [], notFound: [1] }],
  ],
  households: [
    ['a household', { households: [household], notFound: [] }],
    ['every sandbox household', { households: dataset.households, notFound: [] }],
    ['a household type outside the enum', { households: [{ ...household, householdType: 'NOMADIC' }], notFound: [] }],
    [
      'a member without status',
      { households: [{ ...household, members: [{ idNumber: HEAD, name: 'x', relationshipToHead: 'HEAD' }] }], notFound: [] },
    ],
    [
      'a member of a status outside the enum',
      { households: [{ ...household, members: [{ ...household.members[0], status: 'GONE' }] }], notFound: [] },
    ],
    ['no members', { households: [{ ...household, members: undefined }], notFound: [] }],
  ],
  vehicles: [
    ['a vehicle', { vehicles: [vehicle], notFound: [] }],
    ['every sandbox vehicle', { vehicles: dataset.vehicles, notFound: [] }],
    ['a value of zero', { vehicles: [{ ...vehicle, assessedValue: 0 }], notFound: [] }],
    ['a negative value', { vehicles: [{ ...vehicle, assessedValue: -1 }], notFound: [] }],
    ['a vehicle type off the pattern', { vehicles: [{ ...vehicle, vehicleType: 'k33' }], notFound: [] }],
    ['a usage outside the enum', { vehicles: [{ ...vehicle, usage: 'PRIVATE' }], notFound: [] }],
    ['a status outside the enum', { vehicles: [{ ...vehicle, status: 'STOLEN' }], notFound: [] }],
    ['disabilityAdapted as a string', { vehicles: [{ ...vehicle, disabilityAdapted: 'yes' }], notFound: [] }],
    ['no registration date', { vehicles: [{ ...vehicle, registeredOn: undefined }], notFound: [] }],
  ],
  entities: [
    ['an entity', { entities: [entity], notFound: [] }],
    ['every sandbox entity', { entities: dataset.entities, notFound: [] }],
    ['a credit code off the pattern', { entities: [{ ...entity, creditCode: '92542521MA6T12345I' }], notFound: [] }],
    ['a share above one', { entities: [{ ...entity, roles: [{ idNumber: HEAD, role: 'SHAREHOLDER', shareRatio: 1.5 }] }], notFound: [] }],
    ['a role outside the enum', { entities: [{ ...entity, roles: [{ idNumber: HEAD, role: 'OWNER' }] }], notFound: [] }],
    ['an entity type outside the enum', { entities: [{ ...entity, entityType: 'TRUST' }], notFound: [] }],
    ['a negative capital', { entities: [{ ...entity, registeredCapital: -5 }], notFound: [] }],
    ['a status outside the enum', { entities: [{ ...entity, status: 'DORMANT' }], notFound: [] }],
  ],
};

describe('the registries contract', () => {
  it.each(searches)('%s: the service validates every sample as the contract does', (name, path, validate) => {
    const fromContract = answerOf(path);
    const verdicts = samples[name].map(([sample, body]) => [sample, validate(body), fromContract(body)]);
    expect(verdicts.filter(([, service, contractSays]) => service !== contractSays)).toEqual([]);
    // The samples must exercise both verdicts, or the comparison proves little.
    expect(new Set(verdicts.map(([, , contractSays]) => contractSays))).toEqual(new Set([true, false]));
  });

  it('error bodies: the service validates them as the contract does', () => {
    const fromContract = ajv.compile(resolved({ $ref: '#/components/schemas/Error' }) as object);
    for (const body of [{ error: { code: 'X', message: 'm' } }, { error: { code: 'X' } }, { message: 'm' }, { error: 'X' }]) {
      expect([body, isErrorBody(body)]).toEqual([body, fromContract(body)]);
    }
  });

  it('is the shared contract, where the shared copy is at hand', () => {
    if (!existsSync(SHARED)) return;
    expect(readFileSync(CONTRACT, 'utf8')).toBe(readFileSync(SHARED, 'utf8'));
  });

  it('has its generated types up to date (npm run contract:types)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-'));
    try {
      const out = join(dir, 'registries.contract.d.ts');
      const bin = join(process.cwd(), 'node_modules/.bin/openapi-typescript');
      execFileSync(bin, [CONTRACT, '--default-non-nullable', 'false', '-o', out], { stdio: 'pipe' });
      expect(readFileSync(GENERATED, 'utf8')).toBe(readFileSync(out, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
