import type { MarketEntity } from '../../registries/registry.types.js';
import type { DeclaredMember } from '../eligibility.types.js';
import type { EnterpriseHoldings } from '../facts/enterprise-capital.js';
import type { ProgramPolicy } from '../policy/policy-version.types.js';
import { draft, pointer, type FindingDraft } from './finding-draft.js';

const SOURCE = 'BUSINESS_REGISTRATION';

function enterpriseRule(holdings: EnterpriseHoldings, allowanceFen: number, program: ProgramPolicy): FindingDraft[] {
  const aboveAllowance = holdings.capitalFen > allowanceFen;
  const anyRole = program.anyEnterpriseRoleCounts && holdings.enterprises.length > 0;
  if (!aboveAllowance && !anyRole) return [];
  return [
    draft({
      code: 'BUSINESS_ENTERPRISE_ROLE',
      reason: aboveAllowance
        ? "The declared members' capital in active enterprises is above the programme's allowance."
        : 'A declared member is legal representative or shareholder of an active enterprise, which this programme does not allow whatever the capital.',
      figures: {
        enterpriseCapitalFen: holdings.capitalFen,
        allowanceFen,
        countedEnterprises: holdings.enterprises.length,
        anyRoleCounts: program.anyEnterpriseRoleCounts,
      },
      evidence: holdings.enterprises.map((entity) => pointer(SOURCE, entity.creditCode)),
    }),
  ];
}

function runsIndividualBusiness(entity: MarketEntity, idNumber: string): boolean {
  return (
    entity.entityType === 'INDIVIDUAL_BUSINESS' &&
    entity.status === 'ACTIVE' &&
    entity.roles.some((role) => role.idNumber === idNumber && (role.role === 'OPERATOR' || role.role === 'LEGAL_REPRESENTATIVE'))
  );
}

function individualBusinessRule(members: readonly DeclaredMember[], entities: readonly MarketEntity[]): FindingDraft[] {
  return members.flatMap((member) => {
    const businesses = entities.filter((entity) => runsIndividualBusiness(entity, member.idNumber));
    if (businesses.length === 0) return [];
    return [
      draft({
        code: 'BUSINESS_INDIVIDUAL_ACTIVE',
        memberIdNumber: member.idNumber,
        reason: 'This member runs an active individual business, as operator or legal representative.',
        figures: { activeIndividualBusinesses: businesses.length },
        evidence: businesses.map((entity) => pointer(SOURCE, entity.creditCode)),
      }),
    ];
  });
}

export function businessRules(
  members: readonly DeclaredMember[],
  entities: readonly MarketEntity[],
  holdings: EnterpriseHoldings,
  allowanceFen: number,
  program: ProgramPolicy,
): FindingDraft[] {
  return [...enterpriseRule(holdings, allowanceFen, program), ...individualBusinessRule(members, entities)];
}
