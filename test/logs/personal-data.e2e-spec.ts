import { startRegistrySimulator, type RegistrySimulator } from '../../src/modules/registries/sandbox/registry-simulator.server.js';
import { sandboxCase } from '../review/review-steps.js';
import { simulatorEnv, startTestApp, type TestApp } from '../support/test-app.js';
import { CapturedLog, type LogLine } from './captured-log.js';
import { personalDataOf } from './personal-data.js';

const TOKEN = 'logs-test-token';
/** Through registry faults: household answers 503 once, vehicle's answer is malformed, business answers 429 once. */
const FAULTED = 'vehicle-exempt-classes'; // an identity number ending in X
/** Then without faults: Tibetan names with dots and full-width spaces, review cases, undeclared household members. */
const CLEAN = ['name-variants-match', 'name-mismatch', 'household-members-undeclared', 'dibao-eligible-urban'];
const CASES = [FAULTED, ...CLEAN].map(sandboxCase);
const PERSONAL = personalDataOf(CASES);

/**
 * The service at LOG_LEVEL=trace, its JSON logs captured, runs full verifications of sandbox
 * households with the registries over HTTP (faults included, so that the warning paths log),
 * answers reads by intake and reviewer, and a few requests that put an identity number or a
 * name in the URL. No line may hold any name or identity number of those households, in any
 * form; and every line a job writes carries the correlation id of the request that started it.
 *
 * nestjs-pino keeps one root logger per process, made by the first application: both
 * applications of this file therefore write to one capture, read from a mark for each.
 */
const log = new CapturedLog();

describe.each(['sqlite', 'postgres'] as const)('logs on %s', (kind) => {
  let simulator: RegistrySimulator;
  let t: TestApp;
  let mark: number;
  const submitted: { key: string; id: string; correlationId: string; verificationId: string }[] = [];

  beforeAll(async () => {
    mark = log.lines.length;
    simulator = await startRegistrySimulator({ token: TOKEN, seed: 11 });
    t = await startTestApp(
      kind,
      {
        ...simulatorEnv(simulator.url, TOKEN),
        LOG_LEVEL: 'trace',
        REGISTRY_TIMEOUT_MS: '30000',
        REGISTRY_BREAKER_THRESHOLD: '1000',
        REGISTRY_RETRY_BASE_MS: '10',
        REGISTRY_RETRY_AFTER_CAP_MS: '50',
      },
      { logDestination: log },
    );
    const intake = t.token('intake', 'intake-logs');
    const reviewer = t.token('reviewer', 'reviewer-logs');

    const verify = async (key: string) => {
      const response = await t.request('POST', '/v1/applications', { token: intake, body: sandboxCase(key).application });
      if (response.status !== 202) throw new Error(`${key}: ${response.status} ${response.text}`);
      const application = (await t.waitForDetermination(response.body.id, intake)).body;
      submitted.push({
        key,
        id: response.body.id,
        correlationId: response.headers.get('x-correlation-id')!,
        verificationId: application.verificationId,
      });
      return application;
    };
    simulator.setFaults({
      registries: {
        HOUSEHOLD_REGISTRATION: { failFirst: { count: 1, status: 503 } },
        VEHICLE_REGISTRATION: { malformedRate: 1 },
        BUSINESS_REGISTRATION: { failFirst: { count: 1, status: 429, retryAfterSeconds: 1 } },
      },
    });
    const faulted = await verify(FAULTED);
    expect(faulted.checks.find((check: { source: string }) => check.source === 'VEHICLE_REGISTRATION')).toMatchObject({
      failure: 'INVALID_RESPONSE',
    });
    simulator.setFaults({});
    for (const key of CLEAN) await verify(key);
    await t.queuesDrained();

    // Reads of personal data, by the intake and by a reviewer, and a review claimed and decided.
    for (const { id } of submitted) {
      expect((await t.request('GET', `/v1/applications/${id}`, { token: intake })).status).toBe(200);
      expect((await t.request('GET', `/v1/applications/${id}`, { token: reviewer })).status).toBe(200);
    }
    expect((await t.request('GET', '/v1/reviews?status=PENDING', { token: reviewer })).status).toBe(200);
    const review = submitted.find(({ key }) => key === 'name-mismatch')!;
    expect((await t.request('POST', `/v1/reviews/${review.id}/claim`, { token: reviewer })).status).toBe(200);
    const decision = { decision: 'APPROVED', reason: 'Household visited; the names match the registration.' };
    expect((await t.request('POST', `/v1/reviews/${review.id}/decision`, { token: reviewer, body: decision })).status).toBe(200);

    // Callers that put personal data where it does not belong: in the path, in the query, in a refused body.
    const [head] = sandboxCase(FAULTED).application.members;
    expect((await t.request('GET', `/v1/applications/${head.idNumber}`, { token: intake })).status).toBeGreaterThanOrEqual(400);
    const query = `idNumber=${head.idNumber}&name=${encodeURIComponent(head.name)}`;
    expect((await t.request('GET', `/v1/applications?${query}`, { token: intake })).status).toBe(400);
    const refused = { ...sandboxCase(FAULTED).application, members: [{ ...head, idNumber: `${head.idNumber.slice(0, 17)}0` }] };
    expect((await t.request('POST', '/v1/applications', { token: intake, body: refused })).status).toBe(400);
  });
  afterAll(async () => {
    await t?.close();
    await simulator?.close();
  });

  const lines = (): LogLine[] => log.since(mark);

  it('captured the JSON lines of every request and job', () => {
    const requestLines = lines().filter((line) => line.record.req && line.record.res);
    expect(requestLines.length).toBeGreaterThanOrEqual(30);
    for (const line of requestLines) expect(line.record.correlationId).toBe(line.record.req.id);
    expect(lines().filter((line) => line.record.msg === 'Registry not usable')).toHaveLength(1);
    expect(lines().filter((line) => line.record.msg === 'Determination made')).toHaveLength(submitted.length);
  });

  it('never holds a name or an identity number of those households, in any form', () => {
    expect(PERSONAL.length).toBeGreaterThan(40);
    const leaks = lines().flatMap(({ text, record }) => {
      const haystack = `${text}\n${JSON.stringify(record)}`;
      return PERSONAL.filter((term) => haystack.includes(term)).map((term) => `${term} in ${text}`);
    });
    expect(leaks).toEqual([]);
  });

  it('tags every line of an application’s jobs with the correlation id its submission answered with', () => {
    for (const { correlationId, verificationId } of submitted) {
      const jobLines = lines().filter((line) => line.record.verificationId === verificationId);
      // One line per registry consulted, and the determination.
      expect(jobLines.length).toBeGreaterThanOrEqual(4);
      for (const line of jobLines) expect(line.record.correlationId).toBe(correlationId);
      expect(lines().some((line) => line.record.req?.method === 'POST' && line.record.correlationId === correlationId)).toBe(true);
    }
    const workerContexts = /Processor$|^SourceCheckService$|^DeterminationService$/;
    for (const line of lines().filter((candidate) => workerContexts.test(candidate.record.context ?? ''))) {
      expect(line.record.correlationId).toEqual(expect.any(String));
    }
  });
});
