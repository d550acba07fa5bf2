import fc from 'fast-check';
import { idNumberCheckCharacter } from '../../../src/core/identity/id-number.js';
import {
  addDays,
  applicationBody,
  dateBetween,
  digits,
  idFirst17,
  idNumber,
  policyExpectation,
  TODAY,
  type Expectation,
  type GeneratedBody,
} from './intake-arbitraries.js';
import { CONSENT_FIELDS, formatPath, get, MEMBER_FIELDS, pathsOf, remove, ROOT_FIELDS, set, type Path } from './intake-body-paths.js';

/** Keys JavaScript objects inherit, and `prototype`; junk never has them, `extraField` uses them on purpose. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((name) => name !== '__proto__');
const PROTOTYPE_KEYS = new Set([...PROTOTYPE_NAMES, '__proto__', 'prototype']);

/** Stands in for what JSON.stringify cannot write, replaced in the text afterwards. */
const PLACEHOLDER = '@placeholder@';

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Object keys that are neither a field of the level nor a prototype member. */
const extraKey = (known: string[]) =>
  fc.string({ minLength: 1, maxLength: 24 }).filter((key) => !known.includes(key) && !PROTOTYPE_KEYS.has(key));

/** JSON junk, nested a few levels, with no prototype-named keys. */
const junk = fc.jsonValue({ maxDepth: 6 }).map(function sanitise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sanitise);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [PROTOTYPE_KEYS.has(key) ? `${key}_` : key, sanitise(inner)]));
});
const junkObject = fc.dictionary(extraKey([]), junk, { maxKeys: 5 });

const ofType: Record<string, fc.Arbitrary<unknown>> = {
  null: fc.constant(null),
  boolean: fc.boolean(),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  string: fc.string({ maxLength: 20 }),
  array: fc.array(junk, { maxLength: 4 }),
  object: junkObject,
};

const invalid = (...paths: Path[]): Expectation => ({ kind: 'invalid', paths: paths.map(formatPath) });

/** A value of another JSON type. A member or a consent never gets an array here: `arrayForObject` makes those. */
function wrongType(body: any): fc.Arbitrary<GeneratedBody> {
  const { all, objects } = pathsOf(body);
  return fc.constantFrom(...all).chain((path) => {
    const isObject = objects.some((candidate) => formatPath(candidate) === formatPath(path));
    const types = Object.keys(ofType).filter(
      (type) => type !== typeOf(get(body, path)) && !(isObject && path.length > 0 && type === 'array'),
    );
    return fc.constantFrom(...types).chain((type) =>
      ofType[type].map((value) => {
        const mutated = set(body, path, value);
        // An optional field sent as null counts as absent.
        const expectation = path[0] === 'applicationDate' && value === null ? policyExpectation(remove(body, path)) : invalid(path);
        return { label: `wrong type: ${formatPath(path) || '(body)'} as ${type}`, body: mutated, expectation };
      }),
    );
  });
}

/** A field left out; only applicationDate is optional. */
function missingField(body: any): fc.Arbitrary<GeneratedBody> {
  const { all } = pathsOf(body);
  const fields = all.filter((path) => path.length > 0 && typeof path.at(-1) === 'string');
  return fc.constantFrom(...fields).map((path) => {
    const mutated = remove(body, path);
    const expectation = path[0] === 'applicationDate' ? policyExpectation(mutated) : invalid(path);
    return { label: `missing: ${formatPath(path)}`, body: mutated, expectation };
  });
}

/** An unknown field: a random name, sometimes one every object inherits, sometimes `__proto__`. */
function extraField(body: any): fc.Arbitrary<GeneratedBody> {
  const { objects } = pathsOf(body);
  return fc.constantFrom(...objects).chain((path) => {
    const known = path.length === 0 ? ROOT_FIELDS : path.at(-1) === 'consent' ? CONSENT_FIELDS : MEMBER_FIELDS;
    const key = fc.oneof({ weight: 6, arbitrary: extraKey(known) }, fc.constantFrom(...PROTOTYPE_NAMES), fc.constant('__proto__'));
    return fc.tuple(key, junk).map(([key, value]): GeneratedBody => {
      const label = `extra field: ${formatPath([...path, key])}`;
      if (key !== '__proto__') {
        return { label, body: set(body, [...path, key], value), expectation: invalid(path) };
      }
      const raw = JSON.stringify(set(body, [...path, PLACEHOLDER], value)).replace(`"${PLACEHOLDER}"`, '"__proto__"');
      return { label, body, raw, expectation: invalid(path) };
    });
  });
}

function memberIndex(body: any) {
  return fc.integer({ min: 0, max: body.members.length - 1 });
}

/** A check character other than the right one; a lower-case x where X is right is valid, so never that. */
function badCheckCharacter(body: any): fc.Arbitrary<GeneratedBody> {
  return fc.tuple(memberIndex(body), fc.constantFrom(...'0123456789X')).chain(([i, character]) => {
    const first17 = body.members[i].idNumber.slice(0, 17);
    if (character === idNumberCheckCharacter(first17)) character = character === '0' ? '1' : '0';
    return fc.constant({
      label: `bad check character: members[${i}]`,
      body: set(body, ['members', i, 'idNumber'], first17 + character),
      expectation: invalid(['members', i, 'idNumber']),
    });
  });
}

/** Wrong length, letters, an impossible or future birth date (with a right check character), spaces. */
function badIdNumber(body: any): fc.Arbitrary<GeneratedBody> {
  const withCheck = (first17: string) => first17 + idNumberCheckCharacter(first17);
  const variants = fc.oneof(
    idNumber.map((id) => id.slice(0, 17)),
    idNumber.map((id) => `${id}0`),
    idNumber.map((id) => `${id.slice(0, 3)}A${id.slice(4)}`),
    idNumber.map((id) => ` ${id}`),
    fc
      .tuple(digits(6), fc.constantFrom('20231301', '20230230', '20230001', '19000229', '20231232'))
      .map(([r, birth]) => withCheck(`${r}${birth}001`)),
    fc.tuple(digits(6), dateBetween(addDays(TODAY, 2), '2099-12-31')).map(([r, birth]) => withCheck(`${r}${birth.replaceAll('-', '')}001`)),
    idFirst17.map((first17) => `${first17}Y`),
  );
  return fc.tuple(memberIndex(body), variants).map(([i, id]) => ({
    label: `bad identity number: members[${i}]`,
    body: set(body, ['members', i, 'idNumber'], id),
    expectation: invalid(['members', i, 'idNumber']),
  }));
}

/** Negative, three decimals, above 10,000,000, an exponent, a string. */
function badAmount(body: any): fc.Arbitrary<GeneratedBody> {
  const amounts = fc.oneof(
    fc.integer({ min: 1, max: 1_000_000 }).map((fen) => -fen / 100),
    fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 9 })).map(([yuan, milli]) => Number(`${yuan}.00${milli}`)),
    fc.double({ min: 10_000_000.01, max: 1e300, noNaN: true }),
    fc.constantFrom(1e-7, 5e-324, 1e21, '600', '600.00', ''),
  );
  return fc.tuple(memberIndex(body), amounts).map(([i, amount]) => ({
    label: `bad amount: members[${i}] = ${JSON.stringify(amount)}`,
    body: set(body, ['members', i, 'declaredMonthlyIncome'], amount),
    expectation: invalid(['members', i, 'declaredMonthlyIncome']),
  }));
}

/** A date after today (two days on, so that midnight in Shanghai cannot make it valid) or not a calendar date. */
function badDate(body: any): fc.Arbitrary<GeneratedBody> {
  const paths: Path[] = [['applicationDate'], ...body.members.map((_: unknown, i: number) => ['members', i, 'consent', 'signedOn'])];
  const dates = fc.oneof(
    dateBetween(addDays(TODAY, 2), '9999-12-31'),
    fc.constantFrom(
      '2025-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-1-01',
      '20250101',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
      '２０２５-01-01',
    ),
  );
  return fc.tuple(fc.constantFrom(...paths), dates).map(([path, date]) => ({
    label: `bad date: ${formatPath(path)} = ${date}`,
    body: set(body, path, date),
    expectation: invalid(path),
  }));
}

/** A string field far over its length, the body staying under 1 MiB. */
function hugeString(body: any): fc.Arbitrary<GeneratedBody> {
  const { scalars } = pathsOf(body);
  const strings = scalars.filter((path) => typeof get(body, path) === 'string');
  return fc
    .tuple(fc.constantFrom(...strings), fc.integer({ min: 101, max: 200_000 }), fc.constantFrom('x', '户', '😀'))
    .map(([path, length, unit]) => ({
      label: `huge string: ${formatPath(path)} of ${length} × ${unit}`,
      body: set(body, path, unit.repeat(length)),
      expectation: invalid(path),
    }));
}

/** A character outside ASCII slipped into a field whose rule admits ASCII only (everything but names). */
function foreignCharacter(body: any): fc.Arbitrary<GeneratedBody> {
  const { scalars } = pathsOf(body);
  const asciiOnly = scalars.filter((path) => typeof get(body, path) === 'string' && path.at(-1) !== 'name');
  const foreign = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((character) => character.codePointAt(0)! > 0x7e);
  return fc.tuple(fc.constantFrom(...asciiOnly), foreign, fc.nat()).map(([path, character, at]) => {
    const value: string = get(body, path);
    const position = at % (value.length + 1);
    return {
      label: `foreign character in ${formatPath(path)}: U+${character.codePointAt(0)!.toString(16)}`,
      body: set(body, path, value.slice(0, position) + character + value.slice(position)),
      expectation: invalid(path),
    };
  });
}

function blankName(body: any): fc.Arbitrary<GeneratedBody> {
  const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u3000', '\u00a0', '\u2003'), minLength: 1, maxLength: 10 });
  return fc.tuple(memberIndex(body), blank).map(([i, name]) => ({
    label: `blank name: members[${i}]`,
    body: set(body, ['members', i, 'name'], name),
    expectation: invalid(['members', i, 'name']),
  }));
}

/** No member, more than 30, no HEAD, two HEADs, one identity number twice. */
function badHousehold(body: any): fc.Arbitrary<GeneratedBody> {
  const { members } = body;
  const options: fc.Arbitrary<GeneratedBody>[] = [
    fc.constant({ label: 'no member', body: set(body, ['members'], []), expectation: invalid(['members']) }),
    fc.uniqueArray(idNumber, { minLength: 31, maxLength: 33, selector: (id) => id.toUpperCase() }).map((ids) => ({
      label: `${ids.length} members`,
      body: set(
        body,
        ['members'],
        ids.map((id, i) => ({ ...members[0], idNumber: id, relationship: i === 0 ? 'HEAD' : 'OTHER' })),
      ),
      expectation: invalid(['members']),
    })),
    fc.constant({
      label: 'no HEAD',
      body: set(
        body,
        ['members'],
        members.map((member: object) => ({ ...member, relationship: 'SPOUSE' })),
      ),
      expectation: invalid(['members']),
    }),
  ];
  if (members.length >= 2) {
    options.push(
      fc.constant({
        label: 'two HEADs',
        body: set(
          body,
          ['members'],
          members.map((member: object) => ({ ...member, relationship: 'HEAD' })),
        ),
        expectation: invalid(['members']),
      }),
      fc
        .tuple(memberIndex(body), memberIndex(body))
        .filter(([i, j]) => i !== j)
        .map(([i, j]) => ({
          label: `members[${j}] repeats members[${i}]'s identity number`,
          body: set(body, ['members', j, 'idNumber'], members[i].idNumber),
          expectation: invalid(['members']),
        })),
    );
  }
  return fc.oneof(...options);
}

/** An array where the service expects an object: empty, or holding the object once or twice. */
function arrayForObject(body: any): fc.Arbitrary<GeneratedBody> {
  const { objects } = pathsOf(body);
  return fc.tuple(fc.constantFrom(...objects), fc.integer({ min: 0, max: 2 })).map(([path, times]) => ({
    label: `array for object: ${formatPath(path) || '(body)'} as ${times} × itself`,
    body: set(
      body,
      path,
      Array.from({ length: times }, () => get(body, path)),
    ),
    expectation: invalid(path),
  }));
}

/** A name with U+0000 in it, or of emoji with variation selectors (U+FE0F), which class-validator does not count but the database does. */
function awkwardName(body: any): fc.Arbitrary<GeneratedBody> {
  const nul = fc.tuple(memberIndex(body), fc.nat()).map(([i, at]): GeneratedBody => {
    const name: string = body.members[i].name;
    const position = at % (name.length + 1);
    const mutated = set(body, ['members', i, 'name'], `${name.slice(0, position)}\u0000${name.slice(position)}`);
    return { label: `U+0000 in members[${i}].name`, body: mutated, expectation: invalid(['members', i, 'name']) };
  });
  const selectors = fc.tuple(memberIndex(body), fc.integer({ min: 1, max: 100 })).map(([i, count]): GeneratedBody => ({
    label: `members[${i}].name of ${count} × U+2764 U+FE0F`,
    body: set(body, ['members', i, 'name'], '\u2764\uFE0F'.repeat(count)),
    // Each is two code points, as the database counts them: more than 50 exceed the 100 allowed.
    expectation: count > 50 ? invalid(['members', i, 'name']) : { kind: 'valid' },
  }));
  return fc.oneof(nul, selectors);
}

/** An empty array nested thousands deep, in a field or in an unknown one. */
function deepNesting(body: any): fc.Arbitrary<GeneratedBody> {
  const { scalars } = pathsOf(body);
  const paths = fc.oneof(fc.constantFrom(...scalars), fc.constant<Path>(['deep']));
  return fc.tuple(paths, fc.integer({ min: 1000, max: 20_000 })).map(([path, depth]) => ({
    label: `nested ${depth} deep at ${formatPath(path)}`,
    body,
    raw: JSON.stringify(set(body, path, PLACEHOLDER)).replace(`"${PLACEHOLDER}"`, '['.repeat(depth) + ']'.repeat(depth)),
    expectation: invalid(path[0] === 'deep' ? [] : path),
  }));
}

/** Nested junk where the service expects a field or an object: objects for objects, anything else elsewhere. */
function nestedJunk(body: any): fc.Arbitrary<GeneratedBody> {
  const { scalars, objects } = pathsOf(body);
  const leaf = fc.tuple(fc.constantFrom(...scalars), fc.oneof(fc.array(junk, { maxLength: 4 }), junkObject));
  const object = fc.tuple(fc.constantFrom(...objects), junkObject);
  const array = fc.tuple(fc.constant<Path>(['members']), fc.oneof(junkObject, fc.array(junkObject, { minLength: 1, maxLength: 3 })));
  return fc.oneof(leaf, object, array).map(([path, value]) => ({
    label: `nested junk at ${formatPath(path) || '(body)'}`,
    body: set(body, path, value),
    expectation: invalid(path),
  }));
}

const MUTATIONS = [
  wrongType,
  missingField,
  extraField,
  badCheckCharacter,
  badIdNumber,
  badAmount,
  badDate,
  hugeString,
  foreignCharacter,
  blankName,
  badHousehold,
  nestedJunk,
  arrayForObject,
  awkwardName,
  deepNesting,
];

/** A valid body with one mutation applied; what the service must make of it, where the mutation tells. */
export const mutatedBody: fc.Arbitrary<GeneratedBody> = applicationBody
  .filter(({ expectation }) => expectation.kind === 'valid')
  .chain(({ body }) => fc.oneof(...MUTATIONS.map((mutation) => mutation(body))));

/** An Idempotency-Key header: none, a fresh valid one, or one the service must refuse. */
export const idempotencyKey = fc.oneof(
  { weight: 8, arbitrary: fc.constant<{ kind: 'none' } | { kind: 'fresh' } | { kind: 'invalid'; value: string }>({ kind: 'none' }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'fresh' as const }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', 'a b', 'x'.repeat(201), 'é', 'tab\tkey').map((value) => ({ kind: 'invalid' as const, value })),
  },
);
