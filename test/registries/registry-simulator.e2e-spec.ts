import { randomUUID } from 'node:crypto';
import { validatePersonsAnswer } from '../../src/modules/registries/contract/registry-validation.js';
import type { WirePersonsAnswer } from '../../src/modules/registries/contract/registry.wire.js';
import {
  startRegistrySimulator,
  type RegistrySimulator,
  type SimulatorOptions,
} from '../../src/modules/registries/sandbox/registry-simulator.server.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { generatePopulation, mergeDatasets } from '../../src/modules/registries/sandbox/sandbox-population.js';
import { loadSandboxDataset, SandboxRegistry } from '../../src/modules/registries/sandbox/sandbox-registry.handler.js';

const PERSONS = '/household-registration/v1/persons/search';
const VEHICLES = '/vehicle-registration/v1/owners/search';
const ENTITIES = '/business-registration/v1/persons/search';
const TOKEN = 'simulator-test-token';
const ASKED = SANDBOX_CASES[0].application.members.map((member) => member.idNumber);
const UNKNOWN_ID = '11010519491231002X';

/** A request as the service sends it; `headers` overrides or (with undefined) removes one. */
function post(
  simulator: RegistrySimulator,
  path: string,
  body: unknown = { idNumbers: ASKED },
  headers: Record<string, string | undefined> = {},
  init: RequestInit = {},
): Promise<Response> {
  const all: Record<string, string | undefined> = {
    authorization: `Bearer ${TOKEN}`,
    'x-request-id': randomUUID(),
    'x-purpose': 'social-assistance-verification',
    'content-type': 'application/json',
    ...headers,
  };
  const sent = Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return fetch(simulator.url + path, { method: 'POST', headers: sent, body: JSON.stringify(body), ...init });
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

/** Whether a 200 answer's body is what the contract promises; a body that is not JSON is not. */
async function isPersonsAnswer(response: Response): Promise<boolean> {
  try {
    return validatePersonsAnswer(JSON.parse(await response.text()));
  } catch {
    return false;
  }
}

describe('registry simulator', () => {
  const started: RegistrySimulator[] = [];
  const start = async (options: SimulatorOptions = {}) => {
    const simulator = await startRegistrySimulator({ token: TOKEN, ...options });
    started.push(simulator);
    return simulator;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((simulator) => simulator.close()));
  });

  describe('speaking the contract', () => {
    let simulator: RegistrySimulator;
    beforeEach(async () => {
      simulator = await start();
    });

    it('answers a search as the sandbox registry does, echoing the request id', async () => {
      const requestId = randomUUID();
      const response = await post(simulator, PERSONS, { idNumbers: [...ASKED, UNKNOWN_ID] }, { 'x-request-id': requestId });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe(requestId);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await response.json();
      expect(validatePersonsAnswer(body)).toBe(true);
      expect(body).toEqual(new SandboxRegistry(loadSandboxDataset()).handle(PERSONS, { idNumbers: [...ASKED, UNKNOWN_ID] }).body);
    });

    it.each([
      ['a wrong token', { authorization: 'Bearer not-the-token' }, 401, 'UNAUTHORIZED'],
      ['no token', { authorization: undefined }, 401, 'UNAUTHORIZED'],
      ['another purpose', { 'x-purpose': 'marketing' }, 403, 'PURPOSE_REFUSED'],
      ['no purpose', { 'x-purpose': undefined }, 403, 'PURPOSE_REFUSED'],
      ['a request id that is not a UUID', { 'x-request-id': 'request-1' }, 400, 'INVALID_REQUEST_ID'],
      ['no request id', { 'x-request-id': undefined }, 400, 'INVALID_REQUEST_ID'],
      ['a body that is not declared JSON', { 'content-type': 'text/plain' }, 400, 'INVALID_REQUEST'],
    ])('refuses %s', async (_label, headers, status, code) => {
      const response = await post(simulator, PERSONS, undefined, headers);
      expect(response.status).toBe(status);
      expect(await errorCode(response)).toBe(code);
    });

    it('refuses more than 50 identifiers with 400 TOO_MANY_IDENTIFIERS, and a body that is not JSON', async () => {
      const tooMany = await post(simulator, VEHICLES, { idNumbers: Array(51).fill(UNKNOWN_ID) });
      expect(tooMany.status).toBe(400);
      expect(await errorCode(tooMany)).toBe('TOO_MANY_IDENTIFIERS');
      const notJson = await fetch(simulator.url + PERSONS, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'x-request-id': randomUUID(),
          'x-purpose': 'social-assistance-verification',
          'content-type': 'application/json',
        },
        body: '{"idNumbers": [',
      });
      expect(notJson.status).toBe(400);
    });

    it('serves POST only, and only the four searches', async () => {
      const get = await fetch(simulator.url + PERSONS);
      expect(get.status).toBe(405);
      expect(get.headers.get('allow')).toBe('POST');
      expect((await post(simulator, '/household-registration/v2/persons/search')).status).toBe(404);
    });

    it('takes any token when none is configured', async () => {
      const open = await start({ token: undefined });
      expect((await post(open, PERSONS, undefined, { authorization: undefined })).status).toBe(200);
    });

    it('counts the requests it receives, in total and by registry', async () => {
      await post(simulator, PERSONS);
      await post(simulator, PERSONS, undefined, { 'x-purpose': 'marketing' });
      await post(simulator, ENTITIES);
      expect([simulator.requests(), simulator.requests('HOUSEHOLD_REGISTRATION'), simulator.requests('VEHICLE_REGISTRATION')]).toEqual([
        3, 2, 0,
      ]);
      simulator.resetCounters();
      expect(simulator.requests()).toBe(0);
    });
  });

  describe('faults', () => {
    it('answers a fixed status for one registry, with Retry-After on a 503 when set', async () => {
      const simulator = await start({ faults: { registries: { VEHICLE_REGISTRATION: { status: 503, retryAfterSeconds: 2 } } } });
      const vehicles = await post(simulator, VEHICLES);
      expect(vehicles.status).toBe(503);
      expect(vehicles.headers.get('retry-after')).toBe('2');
      expect(vehicles.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect((await post(simulator, PERSONS)).status).toBe(200);
      simulator.setFaults({});
      expect((await post(simulator, VEHICLES)).status).toBe(200);
    });

    it('answers 500, 502 or 503 at the error rate, the same ones for the same seed', async () => {
      const statuses = async (seed: number) => {
        const simulator = await start({ seed, faults: { errorRate: 1 } });
        const answers = [];
        for (let i = 0; i < 12; i++) answers.push((await post(simulator, PERSONS)).status);
        return answers;
      };
      const first = await statuses(7);
      expect(new Set(first)).toEqual(new Set([500, 502, 503]));
      expect(await statuses(7)).toEqual(first);
    });

    it('rate-limits with 429 and Retry-After, 1 second unless set', async () => {
      const simulator = await start({ faults: { rateLimitRate: 1 } });
      const limited = await post(simulator, ENTITIES);
      expect([limited.status, limited.headers.get('retry-after'), await errorCode(limited)]).toEqual([429, '1', 'RATE_LIMITED']);
      simulator.setFaults({ rateLimitRate: 1, retryAfterSeconds: 3 });
      expect((await post(simulator, ENTITIES)).headers.get('retry-after')).toBe('3');
    });

    it('answers 200 with a body that is not the contract at the malformed rate', async () => {
      const simulator = await start({ faults: { malformedRate: 1 } });
      for (let i = 0; i < 6; i++) {
        const response = await post(simulator, PERSONS);
        expect(response.status).toBe(200);
        expect(await isPersonsAnswer(response)).toBe(false);
      }
    });

    it('leaves one identifier out of both lists at the incomplete rate', async () => {
      const simulator = await start({ faults: { incompleteRate: 1 } });
      const asked = [...ASKED, UNKNOWN_ID];
      const response = await post(simulator, PERSONS, { idNumbers: asked });
      const body = (await response.json()) as WirePersonsAnswer;
      expect(response.status).toBe(200);
      expect(validatePersonsAnswer(body)).toBe(true);
      const accounted = [...body.persons.map((person) => person.idNumber), ...body.notFound];
      expect(accounted).toHaveLength(asked.length - 1);
      expect(asked.filter((id) => !accounted.includes(id))).toHaveLength(1);
    });

    it('fails the first requests of a registry as told, then answers normally', async () => {
      const simulator = await start({ faults: { failFirst: { count: 2, status: 429, retryAfterSeconds: 4 } } });
      const first = await post(simulator, PERSONS);
      expect([first.status, first.headers.get('retry-after')]).toEqual([429, '4']);
      expect((await post(simulator, PERSONS)).status).toBe(429);
      expect((await post(simulator, PERSONS)).status).toBe(200);
      // Each registry counts its own first requests.
      expect((await post(simulator, VEHICLES)).status).toBe(429);

      simulator.setFaults({ registries: { HOUSEHOLD_REGISTRATION: { failFirst: { count: 1, status: 'malformed' } } } });
      const malformed = await post(simulator, PERSONS);
      expect(malformed.status).toBe(200);
      expect(await isPersonsAnswer(malformed)).toBe(false);
      expect(await isPersonsAnswer(await post(simulator, PERSONS))).toBe(true);
    });

    it('hangs the first request when told, which a client timeout ends, then answers', async () => {
      const simulator = await start({ faults: { failFirst: { count: 1, status: 'hang' } } });
      await expect(post(simulator, PERSONS, undefined, {}, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
      expect((await post(simulator, PERSONS)).status).toBe(200);
    });

    it('adds the configured latency to every answer', async () => {
      const simulator = await start({ latencyMs: 150 });
      expect((await post(simulator, PERSONS)).status).toBe(200);
      const [served] = simulator.log();
      expect(served.answeredAt! - served.receivedAt).toBeGreaterThanOrEqual(150);
    });
  });

  describe('quota, statistics and population', () => {
    it('takes its quota of calls a second per registry, then answers 429 with the Retry-After until the next, on its clock', async () => {
      let now = 0;
      const simulator = await start({ quota: { HOUSEHOLD_REGISTRATION: 2 }, now: () => now });
      expect((await post(simulator, PERSONS)).status).toBe(200);
      expect((await post(simulator, PERSONS)).status).toBe(200);
      const refused = await post(simulator, PERSONS);
      expect([refused.status, refused.headers.get('retry-after'), await errorCode(refused)]).toEqual([429, '1', 'RATE_LIMITED']);
      // Another registry has its own quota (none here).
      expect((await post(simulator, VEHICLES)).status).toBe(200);
      now += 499;
      expect((await post(simulator, PERSONS)).status).toBe(429);
      now += 1;
      // Half a second at two a second: one call's worth back.
      expect((await post(simulator, PERSONS)).status).toBe(200);
      expect((await post(simulator, PERSONS)).status).toBe(429);
      now += 10_000;
      // A second's worth at most, however long it waited.
      expect([
        (await post(simulator, PERSONS)).status,
        (await post(simulator, PERSONS)).status,
        (await post(simulator, PERSONS)).status,
      ]).toEqual([200, 200, 429]);
    });

    it('takes its quota on its own clock when given none', async () => {
      // A quota of one a second and a burst of one: the second call at once is over it.
      const simulator = await start({ quota: 1 });
      expect((await post(simulator, PERSONS)).status).toBe(200);
      expect((await post(simulator, PERSONS)).status).toBe(429);
    });

    it('counts calls, identifiers and refusals over the quota per registry', async () => {
      const simulator = await start({ quota: 1, now: () => 0 });
      await post(simulator, PERSONS);
      await post(simulator, PERSONS);
      await post(simulator, VEHICLES, { idNumbers: [UNKNOWN_ID] });
      expect(simulator.stats()).toEqual({
        HOUSEHOLD_REGISTRATION: { calls: 2, identifiers: ASKED.length, rateLimited: 1 },
        VEHICLE_REGISTRATION: { calls: 1, identifiers: 1, rateLimited: 0 },
        BUSINESS_REGISTRATION: { calls: 0, identifiers: 0, rateLimited: 0 },
      });
      simulator.resetCounters();
      expect(simulator.stats().HOUSEHOLD_REGISTRATION).toEqual({ calls: 0, identifiers: 0, rateLimited: 0 });
    });

    it('serves a generated population beside the sandbox dataset', async () => {
      const population = generatePopulation({ households: 200, seed: 3, vehicleShare: 0.2, businessShare: 0.2 });
      const simulator = await start({ dataset: mergeDatasets(loadSandboxDataset(), population.dataset) });
      const generated = population.households.slice(0, 10).flatMap((household) => household.members.map((member) => member.idNumber));
      const asked = [...generated.slice(0, 40), ASKED[0]];
      const answer = (await (await post(simulator, PERSONS, { idNumbers: asked })).json()) as WirePersonsAnswer;
      expect(answer.notFound).toEqual([]);
      expect(answer.persons.map((person) => person.idNumber).sort()).toEqual([...asked].sort());
      const owner = population.dataset.vehicles[0].ownerIdNumber;
      const vehicles = (await (await post(simulator, VEHICLES, { idNumbers: [owner] })).json()) as { vehicles: unknown[] };
      expect(vehicles.vehicles).toHaveLength(population.dataset.vehicles.filter((vehicle) => vehicle.ownerIdNumber === owner).length);
    });
  });

  it('closes while requests hang, ending them rather than waiting for them', async () => {
    const simulator = await start({ faults: { hangRate: 1 } });
    const hanging = post(simulator, PERSONS).then(
      () => 'answered',
      () => 'ended',
    );
    while (simulator.requests() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // A hanging request is never answered: close() returning at all means it ended it.
    await simulator.close();
    expect(await hanging).toBe('ended');
    expect(simulator.log().map((request) => request.answeredAt)).toEqual([undefined]);
  });
});
