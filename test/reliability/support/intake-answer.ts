import type { Expectation } from './intake-arbitraries.js';
import type { HttpAnswer } from './http.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether an error's path and an expected path name the same field, or one lies within the other. */
export function related(a: string, b: string): boolean {
  const within = (inner: string, outer: string) =>
    outer === '' || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return within(a, b) || within(b, a);
}

/**
 * What is wrong with the service's answer to a generated submission: never a 5xx; a 202
 * with an id and a Location; every 4xx a problem+json whose `errors` name a path; and the
 * generator's expectation met where it has one.
 */
export function answerProblems(expectation: Expectation, answer: HttpAnswer): string[] {
  const problems: string[] = [];
  const type = answer.headers.get('content-type') ?? '';
  if (answer.status === 202) {
    if (!type.startsWith('application/json')) problems.push(`202 with content-type ${type}`);
    if (!UUID.test(answer.body?.id) || answer.body?.status !== 'RECEIVED') problems.push('202 without { id, status: RECEIVED }');
    if (answer.headers.get('location') !== `/v1/applications/${answer.body?.id}`) problems.push('202 without its Location');
    if (expectation.kind === 'invalid') problems.push(`accepted, though invalid at ${expectation.paths.join(' or ')}`);
    return problems;
  }
  if (answer.status !== 400 && answer.status !== 422) problems.push(`answered ${answer.status}`);
  if (answer.status >= 500) return problems;
  if (!type.startsWith('application/problem+json')) problems.push(`${answer.status} with content-type ${type}`);
  const body = answer.body ?? {};
  if (body.status !== answer.status || typeof body.type !== 'string' || typeof body.title !== 'string' || typeof body.detail !== 'string') {
    problems.push('problem body without type, title, status and detail');
  }
  const errors: unknown[] = Array.isArray(body.errors) ? body.errors : [];
  const paths = errors.map((error) => (error as { path?: unknown })?.path);
  if (errors.length === 0) problems.push('no errors[]');
  if (!errors.every((error) => typeof (error as { message?: unknown })?.message === 'string')) problems.push('an error without a message');
  if (!paths.every((path) => typeof path === 'string')) problems.push('an error without a path');
  if (expectation.kind === 'valid') problems.push('refused, though valid');
  if (expectation.kind === 'invalid' && !paths.some((path) => expectation.paths.some((expected) => related(String(path), expected)))) {
    problems.push(`no error at ${expectation.paths.join(' or ')} (errors at ${paths.join(', ')})`);
  }
  return problems;
}
