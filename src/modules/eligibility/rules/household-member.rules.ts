import type { DeclaredMember } from '../eligibility.types.js';
import { sameName } from '../name-normalisation.js';
import type { HouseholdRecords } from '../registry-view.js';
import { draft, pointer, type FindingDraft } from './finding-draft.js';

const SOURCE = 'HOUSEHOLD_REGISTRATION';

function memberFindings(member: DeclaredMember, records: HouseholdRecords): FindingDraft[] {
  const memberIdNumber = member.idNumber;
  const person = records.persons.get(memberIdNumber);
  const record = [pointer(SOURCE, memberIdNumber)];
  if (!person) {
    return [
      draft({
        code: 'HOUSEHOLD_MEMBER_NOT_FOUND',
        memberIdNumber,
        reason: 'The household registry has no record of this member.',
        evidence: record,
      }),
    ];
  }

  const findings: FindingDraft[] = [];
  const registryStatus = person.status;
  if (registryStatus === 'DECEASED') {
    findings.push(
      draft({
        code: 'HOUSEHOLD_MEMBER_DECEASED',
        memberIdNumber,
        reason: 'The household registry records this member as deceased.',
        figures: { registryStatus },
        evidence: record,
      }),
    );
  } else if (registryStatus === 'MIGRATED_OUT' || registryStatus === 'CANCELLED') {
    findings.push(
      draft({
        code: 'HOUSEHOLD_MEMBER_NOT_ACTIVE',
        memberIdNumber,
        reason: 'The household registry records this member as no longer registered (migrated out or cancelled).',
        figures: { registryStatus },
        evidence: record,
      }),
    );
  }
  if (!sameName(member.name, person.name)) {
    findings.push(
      draft({
        code: 'HOUSEHOLD_NAME_MISMATCH',
        memberIdNumber,
        reason: "The declared name differs from the registry's, even ignoring character width, spaces and middle dots.",
        figures: { name: 'MISMATCH' },
        evidence: record,
      }),
    );
  }
  if (member.relationship !== person.relationshipToHead) {
    findings.push(
      draft({
        code: 'HOUSEHOLD_RELATIONSHIP_MISMATCH',
        memberIdNumber,
        reason: "The declared relationship to the head differs from the registry's.",
        figures: { declaredRelationship: member.relationship, registryRelationship: person.relationshipToHead },
        evidence: record,
      }),
    );
  }
  return findings;
}

/** The household registry's rules about each declared member, whatever the HEAD's status. */
export function householdMemberRules(members: readonly DeclaredMember[], records: HouseholdRecords): FindingDraft[] {
  return members.flatMap((member) => memberFindings(member, records));
}
