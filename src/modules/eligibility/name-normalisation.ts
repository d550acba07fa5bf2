/**
 * Names are typed at a township counter and in the registry by different people: full-width
 * letters, stray spaces and the several middle dots used in transliterated names
 * (阿·扎西, 阿•扎西, 阿‧扎西, 阿・扎西) must not count as a different name.
 */
const IGNORED = /[\p{White_Space}\u00B7\u2022\u2027\u30FB]/gu;

export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(IGNORED, '');
}

export function sameName(declared: string, registered: string): boolean {
  return normaliseName(declared) === normaliseName(registered);
}
