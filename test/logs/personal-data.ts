import type { SandboxCase } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { loadSandboxDataset } from '../../src/modules/registries/sandbox/sandbox-registry.handler.js';

/** Separators a name may be written with or without: dots of Tibetan names, spaces (full-width too). */
const SEPARATORS = /[\s\u3000·•‧・.．]/g;

/** The forms of a name that must not appear: as written, trimmed, without separators, and NFKC-folded. */
export function nameForms(name: string): string[] {
  const bare = name.replace(SEPARATORS, '');
  return [name, name.trim(), bare, bare.normalize('NFKC')].filter((form) => form.length > 0);
}

/** An identity number, and its first 17 characters (without the check character). */
export function idNumberForms(idNumber: string): string[] {
  return [idNumber, idNumber.toLowerCase(), idNumber.slice(0, 17)];
}

/**
 * Every name and identity number of the given cases' households, as declared and as the
 * sandbox registries know them (members the application left out included), in all their forms.
 */
export function personalDataOf(cases: readonly SandboxCase[]): string[] {
  const dataset = loadSandboxDataset();
  const declared = cases.flatMap((sandboxCase) => sandboxCase.application.members);
  const declaredIds = new Set(declared.map((member) => member.idNumber));
  const households = new Set(dataset.persons.filter((person) => declaredIds.has(person.idNumber)).map((person) => person.householdNumber));
  const registered = [
    ...dataset.persons.filter((person) => declaredIds.has(person.idNumber) || households.has(person.householdNumber)),
    ...dataset.households.filter((household) => households.has(household.householdNumber)).flatMap((household) => household.members),
  ];
  const people = [...declared, ...registered];
  return [...new Set(people.flatMap((person) => [...nameForms(person.name), ...idNumberForms(person.idNumber)]))];
}
