import { divideRoundHalfUp, yuanTextToFen } from '../../../core/money/fen.js';
import type { HouseholdType, RegisteredHousehold, RegisteredPerson } from '../../registries/registry.types.js';
import type { DeclaredMember, HouseholdFacts } from '../eligibility.types.js';
import type { ProgramPolicy } from '../policy/policy-version.types.js';
import type { HouseholdRecords } from '../registry-view.js';
import type { EnterpriseHoldings } from './enterprise-capital.js';

/** The HEAD, ACTIVE in the registry, with its registered household: what the household-level rules need. */
export interface RegisteredHead {
  person: RegisteredPerson;
  household: RegisteredHousehold;
}

/** The declared HEAD; an application is validated to have exactly one, and without it no household rule could run. */
export function headOf(members: readonly DeclaredMember[]): DeclaredMember {
  const heads = members.filter((member) => member.relationship === 'HEAD');
  if (heads.length !== 1) {
    throw new Error(`an evaluation needs exactly one declared HEAD, got ${heads.length}`);
  }
  return heads[0];
}

export function registeredHead(head: DeclaredMember, records: HouseholdRecords | null): RegisteredHead | null {
  const person = records?.persons.get(head.idNumber);
  if (!person || person.status !== 'ACTIVE' || !records?.headHousehold) return null;
  return { person, household: records.headHousehold };
}

export function monthlyStandardFen(program: ProgramPolicy, householdType: HouseholdType): number | null {
  const standard = program.standards?.[householdType];
  if (!standard) return null;
  const amountFen = yuanTextToFen(standard.amount);
  return standard.period === 'MONTH' ? amountFen : divideRoundHalfUp(amountFen, 12);
}

/** POLICY.md's household facts; each is null where the registry it rests on cannot be relied on. */
export function householdFacts(
  members: readonly DeclaredMember[],
  program: ProgramPolicy,
  records: HouseholdRecords | null,
  holdings: EnterpriseHoldings | null,
): HouseholdFacts {
  const active = records ? members.filter((member) => records.persons.get(member.idNumber)?.status === 'ACTIVE') : null;
  const householdSize = active?.length ?? null;
  const householdMonthlyIncomeFen = active?.reduce((sum, member) => sum + member.declaredMonthlyIncomeFen, 0) ?? null;
  const householdType = records?.headHousehold?.householdType ?? null;
  return {
    declaredMembers: members.length,
    householdType,
    householdSize,
    householdMonthlyIncomeFen,
    perCapitaMonthlyIncomeFen:
      householdSize && householdMonthlyIncomeFen !== null ? divideRoundHalfUp(householdMonthlyIncomeFen, householdSize) : null,
    monthlyStandardFen: householdType ? monthlyStandardFen(program, householdType) : null,
    enterpriseCapitalFen: holdings?.capitalFen ?? null,
    enterpriseCapitalAllowanceFen: yuanTextToFen(program.enterpriseCapitalAllowance),
  };
}
