import type { FieldProblem } from '../errors/domain.error.js';

/** The deepest a request body may nest; the service's own bodies go three levels deep. */
export const MAX_BODY_DEPTH = 16;
const MAX_PROBLEMS = 20;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What a DTO cannot see in a JSON body, found in one walk before the body is transformed:
 * - nesting deeper than MAX_BODY_DEPTH (class-transformer would overflow the stack);
 * - keys named like members of Object.prototype (`constructor`, `toString`…), which the
 *   whitelist takes for known properties;
 * - strings PostgreSQL cannot store (U+0000) or that are not well-formed Unicode (a lone
 *   surrogate would be stored as U+FFFD: a silent change to personal data).
 */
export function jsonShapeProblems(value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const walk = (node: unknown, path: string, depth: number): void => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (typeof node === 'string') {
      const problem = stringProblem(node);
      if (problem) problems.push({ path: path || '(body)', message: `${path || 'the body'} ${problem}` });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (depth >= MAX_BODY_DEPTH) {
      problems.push({ path: path || '(body)', message: `${path || 'the body'} is nested more than ${MAX_BODY_DEPTH} levels deep` });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${path}[${index}]`, depth + 1));
      return;
    }
    for (const key of Object.keys(node)) {
      const child = path ? `${path}.${key}` : key;
      if (key in Object.prototype) problems.push({ path: child, message: `property ${key} should not exist` });
      else walk((node as Record<string, unknown>)[key], child, depth + 1);
    }
  };
  walk(value, '', 0);
  return problems;
}

function stringProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the character U+0000';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it holds a lone surrogate)';
  return null;
}
