import type {
  BusinessRegistryAnswer,
  HouseholdRegistryAnswer,
  MarketEntity,
  RegistrySource,
  SourceFailure,
  SourceOutcome,
  Vehicle,
  VehicleRegistryAnswer,
} from '../../registries/registry.types.js';
import type { DeclaredMember, EvaluationInput } from '../eligibility.types.js';
import type { RegistryPolicy, RegistryRules } from '../registry-rules.js';
import type { HouseholdRecords, RegistryView } from '../registry-view.js';
import { draft, pointer, type FindingDraft } from './finding-draft.js';

/** What a registry's answer yields: records the rules may use, or the finding that suspends them. */
type Reading<T> = { usable: true; records: T } | { usable: false; finding: FindingDraft };

const usable = <T>(records: T): Reading<T> => ({ usable: true, records });
const unusable = (finding: FindingDraft): Reading<never> => ({ usable: false, finding });

const SUSPENDED = 'so the rules that need this registry were not applied';

const FAILURE_REASONS: Record<SourceFailure, string> = {
  UNAVAILABLE: `The registry could not be consulted, ${SUSPENDED}.`,
  INVALID_RESPONSE: `The registry's answer did not match the contract, ${SUSPENDED}.`,
};

function failed(source: RegistrySource, failure: SourceFailure): FindingDraft {
  const code = failure === 'UNAVAILABLE' ? 'SOURCE_UNAVAILABLE' : 'SOURCE_INVALID_RESPONSE';
  return draft({ code, source, reason: FAILURE_REASONS[failure] });
}

function unaccounted(source: RegistrySource, count: number): Reading<never> {
  return unusable(
    draft({
      code: 'SOURCE_INVALID_RESPONSE',
      source,
      reason: `The registry's answer did not account for every member asked about, ${SUSPENDED}.`,
      figures: { unaccountedIdentifiers: count },
    }),
  );
}

/** Each registry must answer about every member: a member it neither returned nor listed as not found is a broken answer, not an absence. */
function countUnaccounted(members: readonly DeclaredMember[], answered: ReadonlySet<string>): number {
  return members.filter((member) => !answered.has(member.idNumber)).length;
}

function readHousehold(
  members: readonly DeclaredMember[],
  head: DeclaredMember,
  answer: HouseholdRegistryAnswer,
): Reading<HouseholdRecords> {
  const source = 'HOUSEHOLD_REGISTRATION';
  const persons = new Map(answer.persons.map((person) => [person.idNumber, person]));
  const missing = countUnaccounted(members, new Set([...persons.keys(), ...answer.notFound]));
  if (missing > 0) return unaccounted(source, missing);

  const headPerson = persons.get(head.idNumber);
  if (!headPerson) return usable({ persons, headHousehold: null });
  const headHousehold = answer.households.find((household) => household.householdNumber === headPerson.householdNumber);
  if (!headHousehold || answer.householdsNotFound.includes(headPerson.householdNumber)) {
    return unusable(
      draft({
        code: 'SOURCE_INVALID_RESPONSE',
        source,
        reason: `The registry found the head but not the head's registered household, ${SUSPENDED}.`,
        figures: { headHouseholdFound: false },
        evidence: [pointer(source, headPerson.householdNumber)],
      }),
    );
  }
  return usable({ persons, headHousehold });
}

function readVehicles(members: readonly DeclaredMember[], answer: VehicleRegistryAnswer): Reading<readonly Vehicle[]> {
  const answered = new Set([...answer.vehicles.map((vehicle) => vehicle.ownerIdNumber), ...answer.notFound]);
  const missing = countUnaccounted(members, answered);
  return missing > 0 ? unaccounted('VEHICLE_REGISTRATION', missing) : usable(answer.vehicles);
}

function readEntities(members: readonly DeclaredMember[], answer: BusinessRegistryAnswer): Reading<readonly MarketEntity[]> {
  const answered = new Set([...answer.entities.flatMap((entity) => entity.roles.map((role) => role.idNumber)), ...answer.notFound]);
  const missing = countUnaccounted(members, answered);
  return missing > 0 ? unaccounted('BUSINESS_REGISTRATION', missing) : usable(answer.entities);
}

/** The SOURCE_* findings, and the answers that the other rules may use. */
export function checkSources(input: EvaluationInput, head: DeclaredMember): { findings: FindingDraft[]; view: RegistryView } {
  const findings: FindingDraft[] = [];
  const use = <A, T>(
    source: RegistrySource,
    outcome: SourceOutcome<A>,
    read: (members: readonly DeclaredMember[], answer: A) => Reading<T>,
  ): T | null => {
    const reading = outcome.ok ? read(input.members, outcome.answer) : unusable(failed(source, outcome.failure));
    if (reading.usable) return reading.records;
    findings.push(reading.finding);
    return null;
  };
  const { sources } = input;
  const view: RegistryView = {
    household: use('HOUSEHOLD_REGISTRATION', sources.HOUSEHOLD_REGISTRATION, (members, answer) => readHousehold(members, head, answer)),
    vehicles: use('VEHICLE_REGISTRATION', sources.VEHICLE_REGISTRATION, readVehicles),
    entities: use('BUSINESS_REGISTRATION', sources.BUSINESS_REGISTRATION, readEntities),
  };
  return { findings, view };
}

/**
 * A plugin registry's findings: SOURCE_* when its answer is missing or does not account for
 * every member, as for the built-in registries; its own rules' findings otherwise.
 */
export function pluginRegistryFindings(
  input: EvaluationInput,
  registry: RegistryRules,
  thresholds: RegistryPolicy['thresholds'],
): FindingDraft[] {
  // Plugin sources are outside the built-in union; the finding names them all the same.
  const source = registry.source as RegistrySource;
  const sources: Readonly<Record<string, SourceOutcome<unknown> | undefined>> = input.sources;
  const outcome = sources[registry.source] ?? { ok: false, failure: 'UNAVAILABLE' };
  if (!outcome.ok) return [failed(source, outcome.failure)];
  const missing = registry.unaccounted(input.members, outcome.answer);
  const reading = missing > 0 ? unaccounted(source, missing) : null;
  if (reading && !reading.usable) return [reading.finding];
  // Codes and evidence outside the built-in unions (the severities come from the registry's policy, see
  // evaluate); through `draft` all the same, so that their evidence is ordered like any other's.
  return registry
    .apply(input.members, outcome.answer, thresholds)
    .map((finding) => draft(finding as unknown as Parameters<typeof draft>[0]));
}
