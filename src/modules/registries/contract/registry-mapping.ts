import Big from 'big.js';

/**
 * A registry answer that passed the schema but is not a coherent answer to what was asked
 * (an identifier left out, a record listed twice). The lookup turns it into a RegistryError
 * `INVALID_RESPONSE`; its message must not carry identifiers.
 */
export class ContractViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractViolation';
  }
}

/** Code-unit order: the same on every machine and locale, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by the keys in turn; a new array, so that no wire array is reordered in place. */
export function sortByKeys<T>(items: readonly T[], ...keys: ((item: T) => string)[]): T[] {
  return [...items].sort((a, b) => {
    for (const key of keys) {
      const order = compareText(key(a), key(b));
      if (order !== 0) return order;
    }
    return 0;
  });
}

/** Each text once, in code-unit order. */
export function distinctSorted(texts: readonly string[]): string[] {
  return [...new Set(texts)].sort(compareText);
}

/**
 * A JSON number as exact decimal text. `String(n)` is the shortest text that reads back as
 * the same number, i.e. the registry's own digits; only very large or very small numbers
 * come out in exponent form (`1e-7`), which the decimal arithmetic downstream must not meet.
 */
export function decimalText(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? new Big(text).toFixed() : text;
}

/** Records in the order of the key that identifies them; an answer listing one twice is refused. */
export function sortByUniqueKey<T>(items: readonly T[], key: (item: T) => string, what: string): T[] {
  const sorted = sortByKeys(items, key);
  if (new Set(sorted.map(key)).size !== sorted.length) {
    throw new ContractViolation(`lists the same ${what} more than once`);
  }
  return sorted;
}
