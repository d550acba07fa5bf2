import fc from 'fast-check';
import { Client } from 'pg';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { http, type HttpAnswer } from './support/http.js';
import { answerProblems } from './support/intake-answer.js';
import { applicationBody, type Expectation, type GeneratedBody } from './support/intake-arbitraries.js';
import { idempotencyKey, mutatedBody } from './support/intake-mutations.js';
import { queryAnswerProblems } from './support/query-answer.js';
import { anyListQuery, type GeneratedQuery } from './support/query-arbitraries.js';
import { checkInvariants } from './support/invariants.js';
import { report } from './support/report.js';
import { scenarioEnvironment, type ScenarioEnvironment } from './support/scenario-environment.js';
import { token } from './support/tokens.js';

/** FUZZ_SEED replays a run (the failure message names the seed and the path); FUZZ_RUNS and QUERY_FUZZ_RUNS change its length. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261120);
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 4000);
const QUERY_RUNS = Number(process.env.QUERY_FUZZ_RUNS ?? 3000);
const SUBMITTER = 'intake-fuzzing';

/**
 * Thousands of generated submissions, valid and mutated, against one service process: never
 * a 5xx, every refusal a problem+json naming a path, every acceptance a body the generator
 * made valid, and nothing stored but the accepted applications, whole. Then thousands of
 * generated query strings against every query parameter of every list endpoint: never a 5xx,
 * every refusal a 400 naming a parameter sent.
 */
describe('08 intake fuzzing', () => {
  let environment: ScenarioEnvironment;
  let url: string;
  const intake = token('intake', SUBMITTER);
  /** Members sent, by accepted application id. */
  const accepted = new Map<string, number>();
  const statuses: Record<string, number> = {};
  let requests = 0;
  let fuzzSeconds = 0;

  beforeAll(async () => {
    environment = await scenarioEnvironment({ simulator: false });
    [{ url }] = await environment.startServices(1);
  });
  afterAll(async () => {
    await environment?.close();
  });

  async function submit(body: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const answer = await http(url, 'POST', '/v1/applications', {
      token: intake,
      rawBody: body,
      headers: { 'content-type': 'application/json', ...headers },
    });
    requests += 1;
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    if (answer.status === 202) accepted.set(answer.body.id, membersIn(body));
    return answer;
  }

  it(`never answers 5xx, refuses with a path, accepts only valid bodies (seed ${SEED})`, () =>
    environment.withLogs(async () => {
      console.log(`08-intake-fuzzing: seed ${SEED}, ${NUM_RUNS} runs; FUZZ_SEED and FUZZ_RUNS replay or change them`);
      const started = Date.now();
      let fresh = 0;
      const sample = fc.oneof({ weight: 1, arbitrary: applicationBody }, { weight: 3, arbitrary: mutatedBody });
      await fc.assert(
        fc.asyncProperty(sample, idempotencyKey, async (generated: GeneratedBody, key) => {
          const headers: Record<string, string> =
            key.kind === 'fresh'
              ? { 'idempotency-key': `fuzz-${fresh++}` }
              : key.kind === 'invalid'
                ? { 'idempotency-key': key.value }
                : {};
          const expectation = key.kind === 'invalid' ? withBadKey(generated.expectation) : generated.expectation;
          const answer = await submit(generated.raw ?? JSON.stringify(generated.body), headers);
          const problems = answerProblems(expectation, answer);
          if (problems.length > 0) {
            throw new Error(
              `${generated.label}${key.kind === 'none' ? '' : ` (key: ${key.kind})`}: ${problems.join('; ')}\n${answer.text.slice(0, 500)}`,
            );
          }
        }),
        { seed: SEED, numRuns: NUM_RUNS },
      );
      fuzzSeconds = Math.round((Date.now() - started) / 100) / 10;
      expect(statuses['202']).toBeGreaterThan(NUM_RUNS / 10);
      expect(statuses['400']).toBeGreaterThan(NUM_RUNS / 2);
    }));

  it('stores the accepted applications whole and nothing of the refused ones', () =>
    environment.withLogs(async () => {
      const db = new Client({ connectionString: environment.databaseUrl });
      await db.connect();
      try {
        const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0].n);
        expect({
          applications: await count('SELECT COUNT(*) AS n FROM applications'),
          verifications: await count('SELECT COUNT(*) AS n FROM verifications'),
          submissionEvents: await count('SELECT COUNT(*) AS n FROM audit_events WHERE actor = $1', [SUBMITTER]),
          orphanEvents: await count(
            'SELECT COUNT(*) AS n FROM audit_events e WHERE e.application_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = e.application_id)',
          ),
        }).toEqual({ applications: accepted.size, verifications: accepted.size, submissionEvents: 2 * accepted.size, orphanEvents: 0 });
        const { rows } = await db.query<{ application_id: string; n: string }>(
          'SELECT application_id, COUNT(*) AS n FROM application_members GROUP BY application_id',
        );
        expect(new Map(rows.map((row) => [row.application_id, Number(row.n)]))).toEqual(accepted);
      } finally {
        await db.end();
      }
    }));

  it('verifies every accepted application', () =>
    environment.withLogs(async () => {
      const { figures } = await checkInvariants({
        databaseUrl: environment.databaseUrl,
        redisUrl: environment.redis.url,
        queuePrefix: environment.queuePrefix,
        accepted: [...accepted.keys()],
        since: Date.now(),
        exactApplications: true,
      });
      expect(environment.services.filter((service) => !service.running()).map((service) => service.name)).toEqual([]);
      report('08-intake-fuzzing', { ...figures, seed: SEED, numRuns: NUM_RUNS, requests, statuses, fuzzSeconds });
    }));

  it(`never answers 5xx to a query string of a list endpoint, and names each parameter it refuses (seed ${SEED})`, () =>
    environment.withLogs(async () => {
      console.log(`08-intake-fuzzing: query strings, seed ${SEED}, ${QUERY_RUNS} runs; QUERY_FUZZ_RUNS changes them`);
      const admin = token('admin', 'admin-fuzzing');
      // A run over a county where nobody takes temporary assistance: its report is a list of its own.
      const run = await http(url, 'POST', '/v1/reverification-runs', {
        token: admin,
        body: { regionCode: '542527', program: 'TEMPORARY_ASSISTANCE' },
      });
      expect(run.status).toBe(202);
      const reviewer = token('reviewer', 'reviewer-fuzzing');
      const callers: Record<string, string> = {
        applications: reviewer,
        reviews: reviewer,
        'audit-events': token('auditor', 'auditor-fuzzing'),
        'reverification-run': admin,
      };
      const answered: Record<string, Record<number, number>> = {};
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(anyListQuery(run.body.id), async (generated: GeneratedQuery) => {
          const answer = await http(url, 'GET', `${generated.path}?${generated.query}`, { token: callers[generated.endpoint] });
          const counts = (answered[generated.endpoint] ??= {});
          counts[answer.status] = (counts[answer.status] ?? 0) + 1;
          const problems = queryAnswerProblems(generated, answer);
          if (problems.length > 0) {
            throw new Error(`GET ${generated.path}?${generated.query}: ${problems.join('; ')}\n${answer.text.slice(0, 500)}`);
          }
        }),
        { seed: SEED, numRuns: QUERY_RUNS },
      );
      // Every endpoint met both kinds of query, valid and refused.
      for (const endpoint of Object.keys(callers)) {
        expect({ endpoint, ok: answered[endpoint]?.[200] > 0, refused: answered[endpoint]?.[400] > 0 }).toEqual({
          endpoint,
          ok: true,
          refused: true,
        });
      }
      report('08-query-fuzzing', { seed: SEED, numRuns: QUERY_RUNS, answered, seconds: Math.round((Date.now() - started) / 100) / 10 });
    }));

  /** One body for each kind of input an earlier run of the fuzzer found mishandled (500s, or accepted when invalid). */
  describe('bodies the fuzzer once found mishandled', () => {
    const base = SANDBOX_CASES[0].application;
    const withMember0 = (fields: object) =>
      JSON.stringify({ ...base, members: [{ ...base.members[0], ...fields }, ...base.members.slice(1)] });
    const invalidAt = (path: string): Expectation => ({ kind: 'invalid', paths: [path] });
    const examples: [string, string, Expectation][] = [
      ['a member given as an array', JSON.stringify({ ...base, members: [base.members[0], [base.members[1]]] }), invalidAt('members[1]')],
      ['a consent given as an array', withMember0({ consent: [] }), invalidAt('members[0].consent')],
      ['a name holding U+0000', withMember0({ name: 'a\u0000b' }), invalidAt('members[0].name')],
      [
        'a name of 60 emoji with variation selectors (120 code points)',
        withMember0({ name: '\u2764\uFE0F'.repeat(60) }),
        invalidAt('members[0].name'),
      ],
      ['a name holding a lone surrogate', withMember0({ name: 'a\uD800b' }), invalidAt('members[0].name')],
      ['an unknown field named constructor', withMember0({ constructor: 1 }), invalidAt('members[0].constructor')],
      ['an unknown field named toString', JSON.stringify({ ...base, toString: 'x' }), invalidAt('toString')],
      [
        'an unknown field named __proto__',
        withMember0({ consent: '@' }).replace('"@"', JSON.stringify(base.members[0].consent).replace('{', '{"__proto__":{"x":1},')),
        invalidAt('members[0].consent.__proto__'),
      ],
      [
        'a value nested 10,000 deep',
        withMember0({ consent: { ...base.members[0].consent, documentRef: '@' } }).replace(
          '"@"',
          `${'['.repeat(10000)}${']'.repeat(10000)}`,
        ),
        invalidAt('members[0].consent.documentRef'),
      ],
    ];

    it.each(examples)('%s is refused with 400 naming the field', async (_, body, expectation) => {
      const answer = await submit(body);
      expect(answer.status).toBe(400);
      expect(answerProblems(expectation, answer)).toEqual([]);
    });
  });
});

function membersIn(body: string): number {
  const { members } = JSON.parse(body);
  return Array.isArray(members) ? members.length : NaN;
}

/** With a refused Idempotency-Key, the body's own problems or the key's. */
function withBadKey(expectation: Expectation): Expectation {
  if (expectation.kind === 'invalid') return { kind: 'invalid', paths: [...expectation.paths, 'Idempotency-Key'] };
  if (expectation.kind === 'valid') return { kind: 'invalid', paths: ['Idempotency-Key'] };
  return { kind: 'invalid', paths: [''] };
}
