import type { Principal, Role } from '../auth/principal.js';

export const AUDIT_ACTIONS = [
  'APPLICATION_SUBMITTED',
  'APPLICATION_READ',
  'APPLICATIONS_LISTED',
  /** One member's full identity number was shown (the console masks them otherwise); the event never holds the number. */
  'ID_NUMBER_REVEALED',
  'VERIFICATION_REQUESTED',
  'REGISTRY_CONSULTED',
  'DETERMINATION_MADE',
  'VERIFICATION_FAILED',
  'REVIEWS_LISTED',
  'REVIEW_REQUESTED',
  'REVIEW_CLAIMED',
  'DECISION_RECORDED',
  'REVIEW_RETURNED',
  /** A periodic re-verification run was requested or scheduled; the outcome is the run's id. */
  'REVERIFICATION_RUN_STARTED',
  /** A run has selected, recorded and enqueued all its households; the outcome is the run's id. */
  'REVERIFICATION_RUN_SELECTED',
  /** A run's progress and report were read (they list application ids with outcomes). */
  'REVERIFICATION_RUN_READ',
  /** The audit log was read; the outcome holds the filters used (canonical JSON), or DENIED. */
  'AUDIT_READ',
  /**
   * The caller's own session (`GET /v1/session`) was read. Not recorded when it succeeds (it holds
   * nothing but the token's claims); named so that a refusal would have an action of its own.
   */
  'SESSION_READ',
  /** A refused request to a route that names no action of its own (none today: a test holds every route to one). */
  'REQUEST_REFUSED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted: a staff member from a token, or the service's own workers. */
export interface AuditActor {
  sub: string;
  role: Role | 'system';
}

export const SYSTEM_ACTOR: AuditActor = { sub: 'system', role: 'system' };

export function actorOf(principal: Principal): AuditActor {
  return { sub: principal.sub, role: (principal.grantedRoles ?? principal.roles)[0] };
}

/** What is recorded of one action; the chain fields are added when it is sealed. */
export interface AuditRecord {
  actor: AuditActor;
  action: AuditAction;
  applicationId: string | null;
  correlationId: string;
  /**
   * How it went: SUCCEEDED, NOT_FOUND, DENIED (a 403), CONFLICT (a 409), or the action's own
   * result (an outcome, a registry's status, the filters of an audit read).
   */
  outcome: string;
}
