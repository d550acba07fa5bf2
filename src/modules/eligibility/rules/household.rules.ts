import { regionCovers, regionScopePrefix } from '../../../core/region/region-scope.js';
import type { DeclaredMember } from '../eligibility.types.js';
import type { RegisteredHead } from '../facts/household-facts.js';
import type { HouseholdRecords } from '../registry-view.js';
import { draft, pointer, type FindingDraft } from './finding-draft.js';

const SOURCE = 'HOUSEHOLD_REGISTRATION';

function splitRule(members: readonly DeclaredMember[], records: HouseholdRecords, head: RegisteredHead): FindingDraft[] {
  const headHouseholdNumber = head.person.householdNumber;
  return members.flatMap((member) => {
    const person = records.persons.get(member.idNumber);
    if (person?.status !== 'ACTIVE' || person.householdNumber === headHouseholdNumber) return [];
    return [
      draft({
        code: 'HOUSEHOLD_SPLIT',
        memberIdNumber: member.idNumber,
        reason: "This member is registered in a different household from the head's.",
        figures: { memberHouseholdNumber: person.householdNumber, headHouseholdNumber },
        evidence: [pointer(SOURCE, member.idNumber), pointer(SOURCE, headHouseholdNumber)],
      }),
    ];
  });
}

function undeclaredRule(members: readonly DeclaredMember[], head: RegisteredHead): FindingDraft[] {
  const seen = new Set(members.map((member) => member.idNumber));
  const findings: FindingDraft[] = [];
  for (const resident of head.household.members) {
    if (resident.status !== 'ACTIVE' || seen.has(resident.idNumber)) continue;
    seen.add(resident.idNumber);
    findings.push(
      draft({
        code: 'HOUSEHOLD_MEMBERS_UNDECLARED',
        memberIdNumber: resident.idNumber,
        reason: "The head's registered household has an active member who is not on the application.",
        figures: { registryRelationship: resident.relationshipToHead },
        evidence: [pointer(SOURCE, head.household.householdNumber)],
      }),
    );
  }
  return findings;
}

function regionRule(applicationRegionCode: string, head: RegisteredHead): FindingDraft[] {
  const householdRegionCode = head.household.regionCode;
  if (regionCovers(applicationRegionCode, householdRegionCode)) return [];
  const digits = regionScopePrefix(applicationRegionCode).length;
  return [
    draft({
      code: 'HOUSEHOLD_OUTSIDE_REGION',
      reason: "The head's registered household is outside the application's region.",
      figures: { householdRegionCode, applicationRegionCode, comparedDigits: digits },
      evidence: [pointer(SOURCE, head.household.householdNumber)],
    }),
  ];
}

/** The rules about the applicant household as a whole; they need an ACTIVE HEAD with its registered household. */
export function householdRules(
  members: readonly DeclaredMember[],
  applicationRegionCode: string,
  records: HouseholdRecords,
  head: RegisteredHead,
): FindingDraft[] {
  return [...splitRule(members, records, head), ...undeclaredRule(members, head), ...regionRule(applicationRegionCode, head)];
}
