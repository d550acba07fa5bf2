import type { AuditAction } from './audit.types.js';

/** Where a route's request names the application it acts on. */
type ApplicationIn = 'params.id' | 'params.applicationId' | 'body.applicationId';

interface AttemptedAction {
  /** The action the refused request tried: what its success would have recorded. */
  action: AuditAction;
  applicationIn?: ApplicationIn;
}

/** Every /v1 route (Fastify's method and URL pattern), with the action a refusal of it is recorded as. */
const ROUTES: Record<string, AttemptedAction> = {
  'POST /v1/applications': { action: 'APPLICATION_SUBMITTED' },
  'GET /v1/applications': { action: 'APPLICATIONS_LISTED' },
  'GET /v1/applications/:id': { action: 'APPLICATION_READ', applicationIn: 'params.id' },
  'GET /v1/applications/:id/members/:memberIndex/id-number': { action: 'ID_NUMBER_REVEALED', applicationIn: 'params.id' },
  'POST /v1/applications/:id/reverify': { action: 'VERIFICATION_REQUESTED', applicationIn: 'params.id' },
  'GET /v1/session': { action: 'SESSION_READ' },
  'GET /v1/reviews': { action: 'REVIEWS_LISTED' },
  'POST /v1/reviews': { action: 'REVIEW_REQUESTED', applicationIn: 'body.applicationId' },
  'POST /v1/reviews/:applicationId/claim': { action: 'REVIEW_CLAIMED', applicationIn: 'params.applicationId' },
  'POST /v1/reviews/:applicationId/decision': { action: 'DECISION_RECORDED', applicationIn: 'params.applicationId' },
  'POST /v1/reviews/:applicationId/reverify': { action: 'VERIFICATION_REQUESTED', applicationIn: 'params.applicationId' },
  'POST /v1/reverification-runs': { action: 'REVERIFICATION_RUN_STARTED' },
  // The id is a run's, not an application's.
  'GET /v1/reverification-runs/:id': { action: 'REVERIFICATION_RUN_READ' },
};

/** Whatever the audit log serves is a read of it: the events, their verification, checkpoints, keys. */
const AUDIT_LOG = /^\/v1\/audit-events(\/|$)/;

/**
 * The action a refused request tried, by its route. A route missing from the table is still
 * recorded, as REQUEST_REFUSED; a test holds every route to a name of its own.
 */
export function refusedAction(method: string, url: string | undefined): AttemptedAction {
  // Fastify answers HEAD with the GET route.
  const key = `${method === 'HEAD' ? 'GET' : method} ${url ?? ''}`;
  if (ROUTES[key]) return ROUTES[key];
  if (method === 'GET' || method === 'HEAD') {
    if (url && AUDIT_LOG.test(url)) return { action: 'AUDIT_READ' };
  }
  return { action: 'REQUEST_REFUSED' };
}

/** The application a request names, as it names it (unchecked: the caller decides whether it may be recorded). */
export function namedApplication(where: ApplicationIn | undefined, request: { params?: unknown; body?: unknown }): unknown {
  if (!where) return undefined;
  const [part, field] = where.split('.') as ['params' | 'body', string];
  const container = request[part];
  return typeof container === 'object' && container !== null ? (container as Record<string, unknown>)[field] : undefined;
}
