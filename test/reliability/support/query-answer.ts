// The parser Fastify itself reads query strings with: the keys it gives are the ones the service names.
import { parse } from 'fast-querystring';
import type { HttpAnswer } from './http.js';
import { related } from './intake-answer.js';
import type { GeneratedQuery } from './query-arbitraries.js';

/**
 * What is wrong with a list endpoint's answer to a generated query string: never a 5xx, only
 * 200 or 400; a 200 is a page (`items`, `nextCursor`), a 400 a problem+json whose `errors` each
 * name a path, one of them a parameter the query sent (or, when the query string cannot be told
 * apart into parameters, the query as a whole).
 */
export function queryAnswerProblems(generated: GeneratedQuery, answer: HttpAnswer): string[] {
  const problems: string[] = [];
  const type = answer.headers.get('content-type') ?? '';
  if (answer.status === 200) {
    if (!type.startsWith('application/json')) problems.push(`200 with content-type ${type}`);
    if (!Array.isArray(answer.body?.items) && !Array.isArray(answer.body?.changes?.items)) problems.push('200 without items');
    return problems;
  }
  if (answer.status !== 400) problems.push(`answered ${answer.status}`);
  if (answer.status >= 500) return problems;
  if (!type.startsWith('application/problem+json')) problems.push(`${answer.status} with content-type ${type}`);
  const body = answer.body ?? {};
  if (body.status !== answer.status || typeof body.type !== 'string' || typeof body.detail !== 'string') {
    problems.push('problem body without type, status and detail');
  }
  const errors: unknown[] = Array.isArray(body.errors) ? body.errors : [];
  const paths = errors.map((error) => (error as { path?: unknown })?.path);
  if (errors.length === 0) problems.push('no errors[]');
  if (!paths.every((path) => typeof path === 'string')) problems.push('an error without a path');
  // As sent: fetch's URL parser percent-encodes some characters (a quote, say) on the way.
  const sent = Object.keys(parse(new URL(`http://service${generated.path}?${generated.query}`).search.slice(1)));
  if (!paths.some((path) => typeof path === 'string' && sent.some((key) => path === key || related(path, key)))) {
    problems.push(`no error names a parameter sent (${sent.join(', ')}); errors at ${paths.join(', ')}`);
  }
  return problems;
}
