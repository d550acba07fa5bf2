import type { FieldProblem } from './domain.error.js';

/** An RFC 9457 problem details body. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  /** Extension members, such as `checks` on a readiness answer. */
  [extension: string]: unknown;
}

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthenticated', 'Authentication required'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['unprocessable', 'Unprocessable request'],
  429: ['too-many-requests', 'Too many requests'],
  500: ['internal', 'Internal error'],
  503: ['unavailable', 'Service unavailable'],
};

export const PROBLEM_TYPE_BASE = 'https://hedui.invalid/problems/';

export function problem(
  status: number,
  detail: string,
  extra: { slug?: string; errors?: FieldProblem[]; extensions?: Record<string, unknown> } = {},
): ProblemDetails {
  const [slug, title] = TITLES[status] ?? (status >= 500 ? TITLES[500] : TITLES[400]);
  const body: ProblemDetails = { ...extra.extensions, type: PROBLEM_TYPE_BASE + (extra.slug ?? slug), title, status, detail };
  if (extra.errors) body.errors = extra.errors;
  return body;
}
