import { creditCodeCheckCharacter } from '../../../core/identity/credit-code.js';
import { idNumberCheckCharacter } from '../../../core/identity/id-number.js';
import type { WireHousehold, WireMarketEntity, WirePerson, WireVehicle } from '../contract/registry.wire.js';
import type { Relationship } from '../registry.types.js';
import type { SandboxDataset } from './sandbox-registry.handler.js';

/** The counties of Ngari prefecture (阿里地区), where the generated households live. */
const COUNTIES = ['542521', '542522', '542523', '542524', '542525', '542526', '542527'];
const RELATIONSHIPS: Relationship[] = ['SPOUSE', 'CHILD', 'CHILD', 'PARENT', 'GRANDCHILD'];

/** One generated household: its registry records, and an application for it as intake would submit it. */
export interface GeneratedHousehold {
  householdNumber: string;
  regionCode: string;
  /** Members as an application declares them: the household registry's own names and relationships. */
  members: { name: string; idNumber: string; relationship: Relationship; declaredMonthlyIncome: number }[];
}

export interface Population {
  dataset: SandboxDataset;
  households: GeneratedHousehold[];
}

export interface PopulationOptions {
  households: number;
  /** The same seed gives the same population. */
  seed?: number;
  /** Share of households with a member who owns a car; default 0.05. */
  vehicleShare?: number;
  /** Share of households with a member who runs a business; default 0.05. */
  businessShare?: number;
}

/**
 * A population of `households` households for the registries to serve beside the sandbox
 * dataset: one to five members each, with valid identity numbers (unique within the
 * population and apart from the sandbox's), registered in a county of
 * Ngari, some owning a car or running a business. Household numbers start `GEN`, so they never
 * meet the sandbox's `SBX` ones.
 */
export function generatePopulation(options: PopulationOptions): Population {
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const dataset: SandboxDataset = { persons: [], households: [], vehicles: [], entities: [] };
  const households: GeneratedHousehold[] = [];
  const taken = new Set<string>();

  for (let h = 0; h < options.households; h++) {
    const regionCode = pick(COUNTIES);
    const householdNumber = `GEN${regionCode}${String(h).padStart(8, '0')}`;
    const size = 1 + Math.floor(random() * 5);
    const members: GeneratedHousehold['members'] = [];
    for (let m = 0; m < size; m++) {
      const relationship: Relationship = m === 0 ? 'HEAD' : pick(RELATIONSHIPS);
      const birthYear =
        relationship === 'CHILD' || relationship === 'GRANDCHILD' ? 2005 + Math.floor(random() * 15) : 1950 + Math.floor(random() * 40);
      const birthDate = `${birthYear}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
      const idNumber = freeIdNumber(`${regionCode}${birthDate.replaceAll('-', '')}`, taken);
      const name = `生成${String(h).padStart(6, '0')}-${m}`;
      const person: WirePerson = {
        idNumber,
        name,
        gender: Number(idNumber[16]) % 2 === 1 ? 'M' : 'F',
        birthDate,
        status: 'ACTIVE',
        householdNumber,
        relationshipToHead: relationship,
        regionCode,
      };
      dataset.persons.push(person);
      members.push({ name, idNumber, relationship, declaredMonthlyIncome: Math.floor(random() * 300) });
    }
    const household: WireHousehold = {
      householdNumber,
      regionCode,
      householdType: random() < 0.5 ? 'URBAN' : 'RURAL',
      members: members.map(({ idNumber, name, relationship }) => ({ idNumber, name, relationshipToHead: relationship, status: 'ACTIVE' })),
    };
    dataset.households.push(household);
    households.push({ householdNumber, regionCode, members });

    if (random() < (options.vehicleShare ?? 0.05)) dataset.vehicles.push(vehicleOf(members[0].idNumber, h));
    if (random() < (options.businessShare ?? 0.05)) dataset.entities.push(entityOf(pick(members).idNumber, regionCode, h));
  }
  return { dataset, households };
}

/** Two datasets served as one; the records of both are kept as they are. */
export function mergeDatasets(...datasets: SandboxDataset[]): SandboxDataset {
  return {
    persons: datasets.flatMap((dataset) => dataset.persons),
    households: datasets.flatMap((dataset) => dataset.households),
    vehicles: datasets.flatMap((dataset) => dataset.vehicles),
    entities: datasets.flatMap((dataset) => dataset.entities),
  };
}

/**
 * The first identity number not yet taken for a region and birth date, with a sequence number
 * from 100 to 899: the sandbox dataset uses 9xx, so the two never meet.
 */
function freeIdNumber(regionAndBirth: string, taken: Set<string>): string {
  for (let sequence = 100; sequence < 900; sequence++) {
    const digits = `${regionAndBirth}${sequence}`;
    const idNumber = `${digits}${idNumberCheckCharacter(digits)}`;
    if (!taken.has(idNumber)) {
      taken.add(idNumber);
      return idNumber;
    }
  }
  throw new RangeError('more than 800 generated people born on one day in one county');
}

function vehicleOf(ownerIdNumber: string, h: number): WireVehicle {
  return {
    plateNumber: `藏F${String(10000 + (h % 90000))}`,
    ownerIdNumber,
    vehicleType: 'K33',
    usage: 'NON_COMMERCIAL',
    registeredOn: '2019-05-01',
    status: 'NORMAL',
    assessedValue: 60000,
  };
}

function entityOf(idNumber: string, regionCode: string, h: number): WireMarketEntity {
  const first17 = `92${regionCode}MA${String(h).padStart(7, '0')}`;
  return {
    creditCode: `${first17}${creditCodeCheckCharacter(first17)}`,
    name: `生成样例商店${h}`,
    entityType: 'INDIVIDUAL_BUSINESS',
    status: 'ACTIVE',
    registeredCapital: 20000,
    establishedOn: '2021-03-01',
    roles: [{ idNumber, role: 'OPERATOR' }],
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A small seedable PRNG: the same seed gives the same population. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
