import type {
  BusinessRegistryAnswer,
  EntityRole,
  HouseholdRegistryAnswer,
  MarketEntity,
  PersonStatus,
  RegisteredHousehold,
  RegisteredPerson,
  RegistrySource,
  Relationship,
  SourceFailure,
  Vehicle,
  VehicleRegistryAnswer,
} from '../registries/registry.types.js';
import type { DeclaredMember, Evaluation, EvaluationInput, Program } from './eligibility.types.js';

/**
 * Test-support builders for the rules engine. `application()` is a consistent 低保 household in
 * region 542521: an urban HEAD and SPOUSE, both ACTIVE in one household, no income, no
 * vehicle, no business role, so that each patch adds exactly the fact a case is about.
 */

export const HEAD = '542521199001010011';
export const SPOUSE = '542521199202020026';
export const CHILD = '542521201503030034';
export const OUTSIDER = '542521196504040047';
export const HOUSEHOLD_NUMBER = '5425210001';

const ALIASES: Record<string, string> = { [HEAD]: 'head', [SPOUSE]: 'spouse', [CHILD]: 'child', [OUTSIDER]: 'outsider' };
export const NAMES: Record<string, string> = { [HEAD]: '卓玛', [SPOUSE]: '阿·扎西', [CHILD]: '次仁', [OUTSIDER]: '格桑' };

export type Patch = (input: EvaluationInput) => void;

function answerOf<S extends RegistrySource>(input: EvaluationInput, source: S): EvaluationInput['sources'][S] & { ok: true } {
  const outcome = input.sources[source];
  if (!outcome.ok) throw new Error(`${source} already fails in this fixture`);
  return outcome as EvaluationInput['sources'][S] & { ok: true };
}
const householdAnswer = (input: EvaluationInput): HouseholdRegistryAnswer => answerOf(input, 'HOUSEHOLD_REGISTRATION').answer;
const vehicleAnswer = (input: EvaluationInput): VehicleRegistryAnswer => answerOf(input, 'VEHICLE_REGISTRATION').answer;
const businessAnswer = (input: EvaluationInput): BusinessRegistryAnswer => answerOf(input, 'BUSINESS_REGISTRATION').answer;

function declaredMember(idNumber: string, relationship: Relationship): DeclaredMember {
  return { idNumber, name: NAMES[idNumber], relationship, declaredMonthlyIncomeFen: 0 };
}

function registeredPerson(idNumber: string, relationshipToHead: Relationship): RegisteredPerson {
  return {
    idNumber,
    name: NAMES[idNumber],
    gender: 'F',
    birthDate: '1990-01-01',
    status: 'ACTIVE',
    householdNumber: HOUSEHOLD_NUMBER,
    relationshipToHead,
    regionCode: '542521',
  };
}

function headHousehold(input: EvaluationInput): RegisteredHousehold {
  return householdAnswer(input).households[0];
}

export function application(...patches: Patch[]): EvaluationInput {
  const ids = [HEAD, SPOUSE];
  const input: EvaluationInput = {
    program: 'MINIMUM_LIVING_ALLOWANCE',
    regionCode: '542521',
    members: [declaredMember(HEAD, 'HEAD'), declaredMember(SPOUSE, 'SPOUSE')],
    sources: {
      HOUSEHOLD_REGISTRATION: {
        ok: true,
        answer: {
          persons: [registeredPerson(HEAD, 'HEAD'), registeredPerson(SPOUSE, 'SPOUSE')],
          notFound: [],
          households: [
            {
              householdNumber: HOUSEHOLD_NUMBER,
              regionCode: '542521',
              householdType: 'URBAN',
              members: [
                { idNumber: HEAD, name: NAMES[HEAD], relationshipToHead: 'HEAD', status: 'ACTIVE' },
                { idNumber: SPOUSE, name: NAMES[SPOUSE], relationshipToHead: 'SPOUSE', status: 'ACTIVE' },
              ],
            },
          ],
          householdsNotFound: [],
        },
      },
      VEHICLE_REGISTRATION: { ok: true, answer: { vehicles: [], notFound: [...ids] } },
      BUSINESS_REGISTRATION: { ok: true, answer: { entities: [], notFound: [...ids] } },
    },
  };
  patches.forEach((patch) => patch(input));
  return input;
}

export const program =
  (name: Program): Patch =>
  (input) => {
    input.program = name;
  };

export const applicationRegion =
  (regionCode: string): Patch =>
  (input) => {
    input.regionCode = regionCode;
  };

/** Declared monthly income of one member, in fen. */
export const income =
  (idNumber: string, fen: number): Patch =>
  (input) => {
    input.members.find((member) => member.idNumber === idNumber)!.declaredMonthlyIncomeFen = fen;
  };

export const declaredAs =
  (idNumber: string, changes: Partial<DeclaredMember>): Patch =>
  (input) => {
    Object.assign(
      input.members.find((member) => member.idNumber === idNumber)!,
      changes,
    );
  };

export const registeredAs =
  (idNumber: string, changes: Partial<RegisteredPerson>): Patch =>
  (input) => {
    Object.assign(
      householdAnswer(input).persons.find((person) => person.idNumber === idNumber)!,
      changes,
    );
  };

export const notInRegistry =
  (idNumber: string): Patch =>
  (input) => {
    const answer = householdAnswer(input);
    answer.persons = answer.persons.filter((person) => person.idNumber !== idNumber);
    answer.notFound.push(idNumber);
    headHousehold(input).members = headHousehold(input).members.filter((member) => member.idNumber !== idNumber);
  };

export const householdIs =
  (changes: Partial<Pick<RegisteredHousehold, 'householdType' | 'regionCode'>>): Patch =>
  (input) => {
    Object.assign(headHousehold(input), changes);
  };

/** Someone registered in the HEAD's household who is not on the application. */
export const resident =
  (idNumber: string, status: PersonStatus): Patch =>
  (input) => {
    headHousehold(input).members.push({ idNumber, name: NAMES[idNumber], relationshipToHead: 'CHILD', status });
  };

/** One more declared member, registered ACTIVE in the HEAD's household, with no vehicle or business. */
export const withMember =
  (idNumber: string, relationship: Relationship, incomeFen = 0): Patch =>
  (input) => {
    input.members.push({ ...declaredMember(idNumber, relationship), declaredMonthlyIncomeFen: incomeFen });
    householdAnswer(input).persons.push(registeredPerson(idNumber, relationship));
    headHousehold(input).members.push({ idNumber, name: NAMES[idNumber], relationshipToHead: relationship, status: 'ACTIVE' });
    vehicleAnswer(input).notFound.push(idNumber);
    businessAnswer(input).notFound.push(idNumber);
  };

export const headHouseholdNotFound = (): Patch => (input) => {
  const answer = householdAnswer(input);
  answer.households = [];
  answer.householdsNotFound = [HOUSEHOLD_NUMBER];
};

export const fails =
  (source: RegistrySource, failure: SourceFailure): Patch =>
  (input) => {
    input.sources[source] = { ok: false, failure };
  };

/** An answer that neither returns nor lists as not found a member it was asked about. */
export const unaccountedFor =
  (source: RegistrySource, idNumber: string): Patch =>
  (input) => {
    if (source === 'HOUSEHOLD_REGISTRATION') {
      const answer = householdAnswer(input);
      answer.persons = answer.persons.filter((person) => person.idNumber !== idNumber);
    } else {
      const answer = source === 'VEHICLE_REGISTRATION' ? vehicleAnswer(input) : businessAnswer(input);
      answer.notFound = answer.notFound.filter((candidate) => candidate !== idNumber);
    }
  };

/** A vehicle; plates are numbered by position so that the same patches give the same plates. */
export const vehicle =
  (ownerIdNumber: string, changes: Partial<Vehicle> = {}): Patch =>
  (input) => {
    const answer = vehicleAnswer(input);
    answer.vehicles.push({
      plateNumber: `藏F${10001 + answer.vehicles.length}`,
      ownerIdNumber,
      vehicleType: 'K33',
      usage: 'NON_COMMERCIAL',
      registeredOn: '2020-05-01',
      status: 'NORMAL',
      disabilityAdapted: false,
      ...changes,
    });
    answer.notFound = answer.notFound.filter((idNumber) => idNumber !== ownerIdNumber);
  };

/** A market entity (an ACTIVE ENTERPRISE by default); credit codes are numbered by position. */
export const entity =
  (roles: EntityRole[], changes: Partial<Omit<MarketEntity, 'roles'>> = {}): Patch =>
  (input) => {
    const answer = businessAnswer(input);
    answer.entities.push({
      creditCode: `91542521MA${String(answer.entities.length + 1).padStart(8, '0')}`,
      name: '阿里高原商贸有限公司',
      entityType: 'ENTERPRISE',
      status: 'ACTIVE',
      registeredCapital: '100000',
      roles,
      ...changes,
    });
    const holders = new Set(roles.map((role) => role.idNumber));
    answer.notFound = answer.notFound.filter((idNumber) => !holders.has(idNumber));
  };

export const shareholder = (idNumber: string, shareRatio?: string): EntityRole =>
  shareRatio === undefined ? { idNumber, role: 'SHAREHOLDER' } : { idNumber, role: 'SHAREHOLDER', shareRatio };
export const legalRepresentative = (idNumber: string): EntityRole => ({ idNumber, role: 'LEGAL_REPRESENTATIVE' });
export const executive = (idNumber: string): EntityRole => ({ idNumber, role: 'EXECUTIVE' });
export const operator = (idNumber: string): EntityRole => ({ idNumber, role: 'OPERATOR' });

/** Findings as `CODE SEVERITY who`, with members by alias and sources by name, for one-line expectations. */
export function summarise(evaluation: Evaluation): string[] {
  return evaluation.findings.map((finding) => {
    const who = finding.memberIdNumber !== null ? ALIASES[finding.memberIdNumber] : finding.source;
    return [finding.code, finding.severity, who].filter((part) => part !== null).join(' ');
  });
}
