import { multiplyToFen, yuanTextToFen } from '../../../core/money/fen.js';
import type { MarketEntity } from '../../registries/registry.types.js';

export interface EnterpriseHoldings {
  /** POLICY.md's enterprise capital, in fen. */
  capitalFen: number;
  /** The active enterprises in which a declared member is legal representative or shareholder. */
  enterprises: MarketEntity[];
}

/**
 * Shareholdings count by their share, term by term; a legal representative counts the full
 * capital only where no declared member holds shares, so that one enterprise is never counted
 * twice. Executives hold no capital.
 */
export function enterpriseHoldings(entities: readonly MarketEntity[], declaredIds: ReadonlySet<string>): EnterpriseHoldings {
  let capitalFen = 0;
  const enterprises: MarketEntity[] = [];
  for (const entity of entities) {
    if (entity.entityType !== 'ENTERPRISE' || entity.status !== 'ACTIVE') continue;
    const roles = entity.roles.filter((role) => declaredIds.has(role.idNumber));
    const shareholdings = roles.filter((role) => role.role === 'SHAREHOLDER');
    const represented = roles.some((role) => role.role === 'LEGAL_REPRESENTATIVE');
    if (shareholdings.length === 0 && !represented) continue;

    const capital = entity.registeredCapital ?? '0';
    enterprises.push(entity);
    capitalFen +=
      shareholdings.length > 0
        ? shareholdings.reduce((sum, role) => sum + multiplyToFen(capital, role.shareRatio ?? '1'), 0)
        : yuanTextToFen(capital);
  }
  return { capitalFen, enterprises };
}
