import { DomainError } from '../../core/errors/domain.error.js';
import type { Outcome } from '../eligibility/eligibility.types.js';
import type { DecisionValue } from '../review/entities/decision.entity.js';
import type { ReviewOrigin } from '../review/entities/review-item.entity.js';
import type { ApplicationStatus } from './entities/application.entity.js';

/**
 * The application's life cycle: the one place that says which status may follow which. Every
 * status write names an event of this machine (see ApplicationRecords), and the SQL guard of
 * that write (`… WHERE status IN (…)`) is the event's "from" set below, so that a change made
 * meanwhile by another process is never overwritten.
 *
 *   RECEIVED ─VERIFICATION_STARTED→ VERIFYING
 *   RECEIVED | VERIFYING ─DETERMINED_*→ DETERMINED | IN_REVIEW | DECIDED
 *   DETERMINED ─REVIEW_REQUESTED→ IN_REVIEW ─DECISION_RECORDED→ DECIDED
 *   DETERMINED | IN_REVIEW | DECIDED ─REVERIFICATION_REQUESTED→ RECEIVED (a fresh verification;
 *   from IN_REVIEW it sends the case back, closing the pending review)
 */
export const APPLICATION_EVENTS = [
  'VERIFICATION_STARTED',
  'DETERMINED_WITHOUT_REVIEW',
  'DETERMINED_FOR_REVIEW',
  'DETERMINATION_CONFIRMED_DECISION',
  'DETERMINATION_CONTRADICTED_DECISION',
  'VERIFICATION_FAILED',
  'REVIEW_REQUESTED',
  'DECISION_RECORDED',
  'REVERIFICATION_REQUESTED',
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** Every application starts here, when intake stores it with its first verification. */
export const INITIAL_STATUS = 'RECEIVED' satisfies ApplicationStatus;

/**
 * A verification under way is determined (or fails) from RECEIVED (no check recorded yet) or
 * VERIFYING; also from IN_REVIEW, where a verification that failed for good and was sent to
 * review may still be determined by a late, redelivered determination job.
 */
const VERIFYING_OR_FAILED: readonly ApplicationStatus[] = ['RECEIVED', 'VERIFYING', 'IN_REVIEW'];

const TRANSITIONS: Readonly<Record<ApplicationEvent, { from: readonly ApplicationStatus[]; to: ApplicationStatus }>> = {
  VERIFICATION_STARTED: { from: ['RECEIVED'], to: 'VERIFYING' },
  DETERMINED_WITHOUT_REVIEW: { from: VERIFYING_OR_FAILED, to: 'DETERMINED' },
  DETERMINED_FOR_REVIEW: { from: VERIFYING_OR_FAILED, to: 'IN_REVIEW' },
  DETERMINATION_CONFIRMED_DECISION: { from: VERIFYING_OR_FAILED, to: 'DECIDED' },
  DETERMINATION_CONTRADICTED_DECISION: { from: VERIFYING_OR_FAILED, to: 'IN_REVIEW' },
  VERIFICATION_FAILED: { from: ['RECEIVED', 'VERIFYING'], to: 'IN_REVIEW' },
  REVIEW_REQUESTED: { from: ['DETERMINED'], to: 'IN_REVIEW' },
  DECISION_RECORDED: { from: ['IN_REVIEW'], to: 'DECIDED' },
  REVERIFICATION_REQUESTED: { from: ['DETERMINED', 'IN_REVIEW', 'DECIDED'], to: 'RECEIVED' },
};

/** The domain error for a refused transition: a CONFLICT, as the state someone else left the case in refuses it. */
export class TransitionRefused extends DomainError {
  constructor(
    readonly status: ApplicationStatus,
    readonly event: ApplicationEvent,
  ) {
    super('CONFLICT', `An application in status ${status} cannot take the event ${event}.`);
  }
}

/** The status that `event` moves an application in `status` to; throws TransitionRefused if the machine refuses it. */
export function next(status: ApplicationStatus, event: ApplicationEvent): ApplicationStatus {
  const transition = TRANSITIONS[event];
  if (!transition.from.includes(status)) throw new TransitionRefused(status, event);
  return transition.to;
}

/** The statuses `event` may move an application from: the guard of its SQL write. */
export function allowedFrom(event: ApplicationEvent): readonly ApplicationStatus[] {
  return TRANSITIONS[event].from;
}

/** The status `event` leads to, from any status it is allowed from. */
export function targetOf(event: ApplicationEvent): ApplicationStatus {
  return TRANSITIONS[event].to;
}

/**
 * What happens to an application once its current verification is determined, given the
 * reviewer's decision in force (the newest, if any): the event, and whether a reviewer must look
 * at it (why: the review item's origin). A decision is never undone by a determination: one that
 * agrees with it (ELIGIBLE with APPROVED, INELIGIBLE with REJECTED) leaves the case DECIDED; any
 * other puts it back in the queue, the decision staying in force until a reviewer decides again.
 */
export function afterDetermination(
  outcome: Outcome,
  inForce: DecisionValue | null,
): { event: ApplicationEvent; review: ReviewOrigin | null } {
  if (outcome === 'NEEDS_REVIEW') return { event: 'DETERMINED_FOR_REVIEW', review: 'DETERMINATION' };
  if (inForce === null) return { event: 'DETERMINED_WITHOUT_REVIEW', review: null };
  if (agrees(outcome, inForce)) return { event: 'DETERMINATION_CONFIRMED_DECISION', review: null };
  return { event: 'DETERMINATION_CONTRADICTED_DECISION', review: 'DECISION_CONTRADICTED' };
}

function agrees(outcome: Exclude<Outcome, 'NEEDS_REVIEW'>, decision: DecisionValue): boolean {
  return (outcome === 'ELIGIBLE') === (decision === 'APPROVED');
}
