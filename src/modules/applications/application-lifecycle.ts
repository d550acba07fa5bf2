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

/**
 * The batch form of moveApplication: the same change for many applications in one statement,
 * each under its own guard; answers the ids that (still) met it and moved: all from one
 * status, or each while a given verification is still its current one.
 */
export async function moveApplications(
  manager: EntityManager,
  change: { to: ApplicationStatus; at: string },
  guard:
    | { from: ApplicationStatus; ids: readonly string[] }
    | { currentVerifications: readonly (readonly [applicationId: string, verificationId: string])[] },
): Promise<Set<string>> {
  const query = manager.createQueryBuilder().update(ApplicationEntity).set({ status: change.to, updatedAt: change.at });
  if ('from' in guard) {
    if (guard.ids.length === 0) return new Set();
    query.where('id IN (:...ids)', { ids: [...guard.ids] }).andWhere('status = :from', { from: guard.from });
  } else {
    const pairs = guard.currentVerifications;
    if (pairs.length === 0) return new Set();
    const params = Object.fromEntries(
      pairs.flatMap(([id, verificationId], i) => [
        [`id${i}`, id],
        [`verification${i}`, verificationId],
      ]),
    );
    query.where(`(id, current_verification_id) IN (${pairs.map((_, i) => `(:id${i}, :verification${i})`).join(', ')})`, params);
  }
  return new Set((await updateReturning<{ id: string }>(manager, query.getQueryAndParameters(), 'id')).map((row) => row.id));
}

/**
 * Runs an UPDATE with `RETURNING columns` and answers the rows it changed. TypeORM's builder
 * offers RETURNING on PostgreSQL only; SQLite has had it since 3.35. PostgreSQL's driver hands
 * an UPDATE's result over as [rows, count], SQLite's as the rows.
 */
export async function updateReturning<T>(manager: EntityManager, [sql, parameters]: [string, unknown[]], columns: string): Promise<T[]> {
  const raw: unknown = await manager.query(`${sql} RETURNING ${columns}`, parameters);
  if (!Array.isArray(raw)) return [];
  return (Array.isArray(raw[0]) ? raw[0] : raw) as T[];
}
