/**
 * How far a GB/T 2260 region code reaches: a province code (ending 0000) covers its first two
 * digits, a prefecture code (ending 00) its first four, a county code only itself.
 */
export function regionScopePrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether `code` lies within the region `scope`. */
export function regionCovers(scope: string, code: string): boolean {
  return code.startsWith(regionScopePrefix(scope));
}

/** A SQL LIKE pattern matching the codes within the region `scope`. */
export function regionLikePattern(scope: string): string {
  return `${regionScopePrefix(scope)}%`;
}
