import type { HouseholdFacts } from '../eligibility.types.js';
import type { RegisteredHead } from '../facts/household-facts.js';
import { draft, pointer, type FindingDraft } from './finding-draft.js';

/**
 * Equal is not below: a household exactly at the standard is above it. Runs only with an
 * ACTIVE HEAD's household (whose type picks the standard) and a programme with standards.
 */
export function incomeRule(facts: HouseholdFacts, head: RegisteredHead): FindingDraft[] {
  const { householdType, householdSize, householdMonthlyIncomeFen, perCapitaMonthlyIncomeFen, monthlyStandardFen } = facts;
  if (perCapitaMonthlyIncomeFen === null || monthlyStandardFen === null || perCapitaMonthlyIncomeFen < monthlyStandardFen) return [];
  return [
    draft({
      code: 'INCOME_ABOVE_STANDARD',
      reason: "The household's per-capita monthly income is not below the monthly standard for its registered household type.",
      figures: { householdType, householdSize, householdMonthlyIncomeFen, perCapitaMonthlyIncomeFen, monthlyStandardFen },
      evidence: [pointer('HOUSEHOLD_REGISTRATION', head.household.householdNumber)],
    }),
  ];
}
