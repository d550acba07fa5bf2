import type { ValidationError } from 'class-validator';
import type { FieldProblem } from './domain.error.js';

/**
 * Flattens class-validator's tree into one problem per failed constraint, each with the path
 * in the request body's own terms (`members[1].consent.signedOn`).
 */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = joinPath(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message: relabel(message, error.property, path) }));
    return [...own, ...toFieldProblems(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string): string {
  // An index within an array; at the top, a key that only looks like one (a query parameter `0`).
  if (/^\d+$/.test(property) && parent !== '') return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** class-validator starts messages with the bare property name; the full path reads better. */
function relabel(message: string, property: string, path: string): string {
  return message.startsWith(`${property} `) ? `${path}${message.slice(property.length)}` : message;
}
