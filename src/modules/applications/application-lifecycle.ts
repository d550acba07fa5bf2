import type { EntityManager } from 'typeorm';
import type { Outcome } from '../eligibility/eligibility.types.js';
import type { DecisionValue } from '../review/entities/decision.entity.js';
import type { ReviewOrigin } from '../review/entities/review-item.entity.js';
import { ApplicationEntity, type ApplicationStatus } from './entities/application.entity.js';

/**
 * Where an application goes once its current verification is determined, given the reviewer's
 * decision in force (the newest, if any), and whether a reviewer must look at it (why: the
 * review item's origin). A decision is never undone by a determination: one that agrees with
 * it (ELIGIBLE with APPROVED, INELIGIBLE with REJECTED) leaves the case DECIDED; any other
 * puts it back in the queue, the decision staying in force until a reviewer decides again.
 */
export function afterDetermination(
  outcome: Outcome,
  inForce: DecisionValue | null,
): { status: Extract<ApplicationStatus, 'DETERMINED' | 'IN_REVIEW' | 'DECIDED'>; review: ReviewOrigin | null } {
  if (outcome === 'NEEDS_REVIEW') return { status: 'IN_REVIEW', review: 'DETERMINATION' };
  if (inForce === null) return { status: 'DETERMINED', review: null };
  if (agrees(outcome, inForce)) return { status: 'DECIDED', review: null };
  return { status: 'IN_REVIEW', review: 'DECISION_CONTRADICTED' };
}

function agrees(outcome: Exclude<Outcome, 'NEEDS_REVIEW'>, decision: DecisionValue): boolean {
  return (outcome === 'ELIGIBLE') === (decision === 'APPROVED');
}

/** What a status change may require of the row it changes, so that a change made meanwhile is not overwritten. */
export interface StatusGuard {
  /** Only from this status. */
  from?: ApplicationStatus;
  /** Only while this is the application's current verification (a determination of a superseded one moves nothing). */
  currentVerificationId?: string;
}

/**
 * The one place an application's status is written, inside the caller's transaction; true when
 * the row (still) met the guard and moved. `currentVerificationId` starts a new verification.
 */
export async function moveApplication(
  manager: EntityManager,
  id: string,
  change: { to: ApplicationStatus; at: string; currentVerificationId?: string },
  guard: StatusGuard = {},
): Promise<boolean> {
  const query = manager
    .createQueryBuilder()
    .update(ApplicationEntity)
    .set({
      status: change.to,
      updatedAt: change.at,
      ...(change.currentVerificationId ? { currentVerificationId: change.currentVerificationId } : {}),
    })
    .where('id = :id', { id });
  if (guard.from) query.andWhere('status = :from', { from: guard.from });
  if (guard.currentVerificationId) query.andWhere('current_verification_id = :current', { current: guard.currentVerificationId });
  const result = await query.execute();
  return (result.affected ?? 0) > 0;
}
