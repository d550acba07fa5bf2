import fc from 'fast-check';
import { idNumberCheckCharacter } from '../../../src/core/identity/id-number.js';
import { shanghaiDate } from '../../../src/core/time/clock.js';
import { PROGRAMS } from '../../../src/modules/eligibility/eligibility.types.js';
import { PolicyCatalog } from '../../../src/modules/eligibility/policy/policy-catalog.js';
import { RELATIONSHIPS } from '../../../src/modules/registries/registry.types.js';

/** What the generator knows about a body: the service must accept it, refuse it (naming one of `paths`), or either. */
export type Expectation = { kind: 'valid' } | { kind: 'invalid'; paths: string[] } | { kind: 'unknown' };

export interface GeneratedBody {
  /** How the body was made, for the counterexample. */
  label: string;
  body: any;
  /** The text to send, where JSON.stringify(body) cannot make it (a `__proto__` key, nesting deeper than the stack). */
  raw?: string;
  expectation: Expectation;
}

/** Today in Asia/Shanghai, as the service counts dates. */
export const TODAY = shanghaiDate(new Date());
const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar dates from `from` to `to`, inclusive. */
export function dateBetween(from: string, to: string): fc.Arbitrary<string> {
  return fc
    .integer({ min: Date.parse(`${from}T00:00:00Z`) / DAY_MS, max: Date.parse(`${to}T00:00:00Z`) / DAY_MS })
    .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
}

export function digits(count: number): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: 10 ** count - 1 }).map((value) => String(value).padStart(count, '0'));
}

/** The first 17 digits of an identity number: a region, a birth date, a sequence. */
export const idFirst17 = fc
  .tuple(digits(6), dateBetween('1900-01-01', TODAY), digits(3))
  .map(([region, birth, sequence]) => region + birth.replaceAll('-', '') + sequence);

/** A valid identity number (GB 11643); a check character X is sometimes written lower-case, as the API allows. */
export const idNumber = idFirst17
  .map((first17) => first17 + idNumberCheckCharacter(first17))
  .chain((id) => (id.endsWith('X') ? fc.constantFrom(id, `${id.slice(0, -1)}x`) : fc.constant(id)));

const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((code) => String.fromCodePoint(code));

/** Names as intake staff type them: mostly Han characters, some Latin, middle dots, spaces, astral Han and emoji. */
export const personName = fc
  .string({
    unit: fc.oneof(
      { weight: 6, arbitrary: codePoint(0x4e00, 0x9fa5) },
      { weight: 2, arbitrary: fc.constantFrom('·', 'A', 'z', ' ', '-', "'") },
      { weight: 1, arbitrary: codePoint(0x20000, 0x2a6df) },
      { weight: 1, arbitrary: codePoint(0x1f300, 0x1f5ff) },
    ),
    minLength: 1,
    maxLength: 100,
  })
  .filter((name) => /\S/.test(name));

export const printableAscii = (minLength: number, maxLength: number) => fc.string({ unit: codePoint(0x21, 0x7e), minLength, maxLength });

/** A yuan amount with at most two decimals, at most 10,000,000. */
export const yuan = fc.oneof(
  fc.integer({ min: 0, max: 20_000 }),
  fc.integer({ min: 0, max: 1_000_000_000 }).map((fen) => fen / 100),
);

const consent = fc.record({
  documentRef: printableAscii(1, 64),
  signedOn: dateBetween('2015-01-01', TODAY),
  signedBy: fc.constantFrom('SELF', 'GUARDIAN'),
});

const OTHER_RELATIONSHIPS = RELATIONSHIPS.filter((relationship) => relationship !== 'HEAD');
const SANDBOX_REGIONS = ['542500', '542521', '542522', '542523', '542524', '542525', '542526', '542527'];
const policies = PolicyCatalog.shipped();

/** A body that passes every field rule; whether a policy covers its region and date decides 202 or 422. */
export const applicationBody: fc.Arbitrary<GeneratedBody> = fc
  .record({
    program: fc.constantFrom(...PROGRAMS),
    regionCode: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SANDBOX_REGIONS) }, { weight: 1, arbitrary: digits(6) }),
    applicationDate: fc.option(dateBetween('2021-06-01', TODAY), { nil: undefined }),
    size: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 5, max: 30 }) }),
  })
  .chain(({ size, ...application }) =>
    fc
      .record({
        ids: fc.uniqueArray(idNumber, { minLength: size, maxLength: size, selector: (id) => id.toUpperCase() }),
        relationships: fc.array(fc.constantFrom(...OTHER_RELATIONSHIPS), { minLength: size - 1, maxLength: size - 1 }),
        headAt: fc.integer({ min: 0, max: size - 1 }),
        details: fc.array(fc.record({ name: personName, declaredMonthlyIncome: yuan, consent }), { minLength: size, maxLength: size }),
      })
      .map(({ ids, relationships, headAt, details }) => {
        const relationshipOf = [...relationships.slice(0, headAt), 'HEAD', ...relationships.slice(headAt)];
        const members = details.map(({ name, declaredMonthlyIncome, consent }, i) => ({
          name,
          idNumber: ids[i],
          relationship: relationshipOf[i],
          declaredMonthlyIncome,
          consent,
        }));
        const body = { ...application, members };
        if (body.applicationDate === undefined) delete body.applicationDate;
        return { label: 'valid', body, expectation: policyExpectation(body) };
      }),
  );

/** Valid, or refused for want of a policy covering its region on its date. */
export function policyExpectation(body: { regionCode: string; applicationDate?: string }): Expectation {
  if (policies.select(body.regionCode, body.applicationDate ?? TODAY)) return { kind: 'valid' };
  return { kind: 'invalid', paths: [body.applicationDate ? 'applicationDate' : 'regionCode'] };
}
