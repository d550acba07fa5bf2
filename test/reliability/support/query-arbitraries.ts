import fc from 'fast-check';
import { APPLICATION_STATUSES } from '../../../src/modules/applications/entities/application.entity.js';
import { AUDIT_ACTIONS } from '../../../src/modules/audit/audit.types.js';
import { PROGRAMS } from '../../../src/modules/eligibility/eligibility.types.js';
import { digits } from './intake-arbitraries.js';

/** One list endpoint as the fuzzer sees it: its path and, per query parameter, the values it is likely to meet. */
export interface ListEndpoint {
  name: string;
  path: string;
  params: Record<string, fc.Arbitrary<string>>;
}

/** A generated query string for one endpoint. */
export interface GeneratedQuery {
  endpoint: string;
  path: string;
  query: string;
}

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** Instants written every way a client might: the one documented form, with offsets, and the ISO 8601 forms it refuses. */
const instant = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
const offset = fc.oneof(
  fc.constantFrom('Z', 'z', '+00:00', '-00:00', '+08:00', '-12:00', '+14:00', '+23:59', '+24:00', '+08:60', '+0800', '+08', ''),
  fc
    .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 70 }))
    .map(([sign, hours, minutes]) => `${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`),
);
export const dateTime: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(instant, offset).map(([at, zone]) => at.toISOString().slice(0, 19) + zone) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(instant, fc.integer({ min: 1, max: 12 }), offset)
      .map(([at, digitsOf, zone]) => `${at.toISOString().slice(0, 19)}.${'1234567890123'.slice(0, digitsOf)}${zone}`),
  },
  { weight: 1, arbitrary: instant.map((at) => at.toISOString()) },
  { weight: 1, arbitrary: instant.map((at) => at.toISOString().slice(0, 10)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '2026-W01-1',
      '2026-W53',
      '2026-332',
      '20261128T100000Z',
      '2026-11-28 10:00:00Z',
      '2026-11-28T10:00Z',
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-28T24:00:00Z',
      '2026-12-31T23:59:60Z',
      '+275760-09-13T00:00:00Z',
      '-000001-01-01T00:00:00Z',
      '0000-01-01T00:00:00+23:59',
      '9999-12-31T23:59:59-23:59',
      '2026-11-28T10:00:00.Z',
      'now',
      'yesterday',
      '1764324000000',
      'Sat, 28 Nov 2026 10:00:00 GMT',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** Page sizes as strings: in range, out of it, and numbers written oddly. */
const limit = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 100 }).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '101',
      '1e2',
      '1e3',
      '0x10',
      ' 5',
      '5 ',
      '1.5',
      '007',
      'NaN',
      'Infinity',
      '-0',
      '',
      'twenty',
      '9'.repeat(400),
    ),
  },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** Cursors: well formed for some list, foreign, out of range, or not a cursor at all. */
const cursor = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ createdAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), id: fc.uuid() }).map(cursorOf),
  },
  {
    weight: 2,
    arbitrary: fc.record({ queuedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), id: fc.uuid() }).map(cursorOf),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.nat(), fc.integer(), fc.double(), fc.maxSafeNat(), fc.constantFrom(2 ** 31, 2 ** 53, 1e300, -1))
      .map((after) => cursorOf({ after })),
  },
  { weight: 1, arbitrary: fc.uuid().map((applicationId) => cursorOf({ applicationId })) },
  // Strings a database will not take (U+0000), and an id that is not one, in cursors of the right shape.
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        { createdAt: '2026-11-28T10:00:00.000Z\u0000', id: '00000000-0000-4000-8000-000000000000' },
        { queuedAt: '\u0000', id: 'x' },
        { applicationId: 'a\u0000' },
        { createdAt: '2026-11-28T10:00:00.000Z', id: '\u0000' },
      )
      .map(cursorOf),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(cursorOf) },
  { weight: 1, arbitrary: fc.string({ maxLength: 250 }) },
);

const regionCode = fc.oneof(
  { weight: 3, arbitrary: digits(6) },
  { weight: 1, arbitrary: fc.constantFrom('540000', '542500', '54252', '5425210', '54252a', '') },
);
const free = (maxLength: number) =>
  fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'grapheme', maxLength }), fc.string({ unit: 'binary', maxLength }));
const oneOf = (values: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom(...values).map((value) => value.toLowerCase()) },
    { weight: 1, arbitrary: free(20) },
  );

/** The list endpoints and their query parameters; `{run}` is replaced by a run's id. */
export const LIST_ENDPOINTS: ListEndpoint[] = [
  {
    name: 'applications',
    path: '/v1/applications',
    params: { status: oneOf(APPLICATION_STATUSES), program: oneOf(PROGRAMS), regionCode, cursor, limit },
  },
  {
    name: 'reviews',
    path: '/v1/reviews',
    params: { status: oneOf(['PENDING', 'DECIDED', 'RETURNED']), program: oneOf(PROGRAMS), regionCode, cursor, limit },
  },
  {
    name: 'audit-events',
    path: '/v1/audit-events',
    params: {
      actor: fc.oneof(fc.constantFrom('system', 'intake-fuzzing'), free(130)),
      action: oneOf(AUDIT_ACTIONS),
      applicationId: fc.oneof(
        fc.uuid(),
        fc.uuid().map((id) => id.toUpperCase()),
        free(40),
      ),
      from: dateTime,
      to: dateTime,
      cursor,
      limit,
    },
  },
  { name: 'reverification-run', path: '/v1/reverification-runs/{run}', params: { cursor, limit } },
];

/** Keys no endpoint knows, prototype names among them. */
const unknownKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'prototype',
    'valueOf',
    'sort',
    'page',
    'offset',
    'filter[status]',
    'limit[]',
    'a.b',
    '',
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** How one key or value is written into the URL: percent-encoded, or as it is where that is still a URL. */
const written = (text: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(encodeURIComponent(text)) },
    { weight: 1, arbitrary: fc.constant(text.replace(/[#&=\s%]/g, (character) => encodeURIComponent(character))) },
    // Percent signs left bare: `%zz`, `%E0%A4` cut short, `%00`, as a careless client sends them.
    { weight: 1, arbitrary: fc.constant(encodeURIComponent(text).replace(/%25/g, '%')) },
  );

interface Pair {
  key: string;
  value: string;
}

/** A query string for one endpoint: known parameters, repeated ones, unknown ones, each written one way or another. */
export function queryFor(endpoint: ListEndpoint, runId: string): fc.Arbitrary<GeneratedQuery> {
  const names = Object.keys(endpoint.params);
  const known = fc
    .subarray(names)
    .chain((chosen) =>
      chosen.length === 0
        ? fc.constant<Pair[]>([])
        : fc.tuple(...chosen.map((name) => endpoint.params[name].map((value) => ({ key: name, value })))),
    );
  const repeated = fc.array(
    fc.constantFrom(...names).chain((name) => endpoint.params[name].map((value) => ({ key: name, value }))),
    { maxLength: 2 },
  );
  const unknown = fc.array(
    fc.tuple(unknownKey, free(10)).map(([key, value]) => ({ key, value })),
    { maxLength: 2 },
  );
  const pairs = fc
    .tuple(
      known,
      fc.oneof({ weight: 4, arbitrary: fc.constant<Pair[]>([]) }, { weight: 1, arbitrary: repeated }),
      fc.oneof({ weight: 4, arbitrary: fc.constant<Pair[]>([]) }, { weight: 1, arbitrary: unknown }),
    )
    .chain(([a, b, c]) => fc.shuffledSubarray([...a, ...b, ...c], { minLength: a.length + b.length + c.length }));
  return pairs.chain((chosen) =>
    (chosen.length === 0
      ? fc.constant<string[]>([])
      : fc.tuple(
          ...chosen.map(({ key, value }) =>
            fc.tuple(written(key), written(value), fc.boolean()).map(([k, v, bare]) => (bare && value === '' ? k : `${k}=${v}`)),
          ),
        )
    ).map((parts) => ({
      endpoint: endpoint.name,
      path: endpoint.path.replace('{run}', runId),
      query: parts.join('&'),
    })),
  );
}

/** Any list endpoint, about equally often. */
export function anyListQuery(runId: string): fc.Arbitrary<GeneratedQuery> {
  return fc.oneof(...LIST_ENDPOINTS.map((endpoint) => queryFor(endpoint, runId)));
}
