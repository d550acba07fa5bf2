import { randomBytes } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Test, type TestingModule } from '@nestjs/testing';
import { loadConfig } from '../../src/core/config/app.config.js';
import { ConfigModule } from '../../src/core/config/config.module.js';
import { BusinessRegistryHttpAdapter } from '../../src/modules/registries/business/business-registry.http-adapter.js';
import { BusinessRegistry } from '../../src/modules/registries/business/business-registry.port.js';
import { BusinessRegistrySandboxAdapter } from '../../src/modules/registries/business/business-registry.sandbox-adapter.js';
import { HouseholdRegistryHttpAdapter } from '../../src/modules/registries/household/household-registry.http-adapter.js';
import { HouseholdRegistry } from '../../src/modules/registries/household/household-registry.port.js';
import { HouseholdRegistrySandboxAdapter } from '../../src/modules/registries/household/household-registry.sandbox-adapter.js';
import { QUOTA_CHANNEL, type QuotaDecision } from '../../src/modules/registries/quota/registry-quota.js';
import { RegistriesModule, registryHttpClient } from '../../src/modules/registries/registries.module.js';
import { RegistryError } from '../../src/modules/registries/registry.error.js';
import type { RegistrySource } from '../../src/modules/registries/registry.types.js';
import { startRegistrySimulator, type RegistrySimulator } from '../../src/modules/registries/sandbox/registry-simulator.server.js';
import { loadSandboxDataset } from '../../src/modules/registries/sandbox/sandbox-registry.handler.js';
import { SandboxRegistryTransport } from '../../src/modules/registries/sandbox/sandbox-registry.transport.js';
import { VehicleRegistryHttpAdapter } from '../../src/modules/registries/vehicle/vehicle-registry.http-adapter.js';
import { VehicleRegistry } from '../../src/modules/registries/vehicle/vehicle-registry.port.js';
import { VehicleRegistrySandboxAdapter } from '../../src/modules/registries/vehicle/vehicle-registry.sandbox-adapter.js';
import { deleteKeys, TEST_REDIS_URL } from '../support/test-app.js';

const TOKEN = 'registry-test-token';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The timeout of the test that makes a registry hang; the others never wait for one, and take a generous one. */
const TIMEOUT_MS = 300;
const RETRY_AFTER_CAP_MS = 1200;
/** Each lookup its own calls, at once: how calls are shared between lookups has its own suite. */
const BATCHING = { lingerMs: 0, maxInFlight: 1 };
/** The registries' call quota lives in Redis, under a prefix of this file's own. */
const QUEUE_PREFIX = `hedui-test-${randomBytes(4).toString('hex')}`;

const dataset = loadSandboxDataset();
/** Everyone the sandbox knows in any registry, and someone it does not. */
const UNKNOWN = '110101190001010000';
const ID_NUMBERS = [
  ...new Set([
    ...dataset.persons.map((person) => person.idNumber),
    ...dataset.vehicles.map((vehicle) => vehicle.ownerIdNumber),
    ...dataset.entities.flatMap((entity) => entity.roles.map((role) => role.idNumber)),
    UNKNOWN,
  ]),
];
const HOUSEHOLD_NUMBERS = [...dataset.households.map((household) => household.householdNumber), 'SBX999999999'];

/** The path and headers of each request the simulator's HTTP server received. */
interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

describe('registry HTTP adapters against the registry simulator', () => {
  let simulator: RegistrySimulator;
  let household: HouseholdRegistry;
  let vehicle: VehicleRegistry;
  let business: BusinessRegistry;
  let moduleRef: TestingModule;
  let seen: SeenRequest[] = [];
  const record = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    seen.push({ path: request.url ?? '', headers: request.headers });
  };
  /** The holds the clients decided on, as they published them. */
  let holds: QuotaDecision[] = [];
  const recordHold = (message: unknown) => void ((message as QuotaDecision).kind === 'hold' && holds.push(message as QuotaDecision));
  const sandbox = new SandboxRegistryTransport();
  const sandboxHousehold = new HouseholdRegistrySandboxAdapter(sandbox);
  const sandboxVehicle = new VehicleRegistrySandboxAdapter(sandbox);
  const sandboxBusiness = new BusinessRegistrySandboxAdapter(sandbox);

  const configFor = (url: string, env: Record<string, string> = {}) =>
    loadConfig({
      NODE_ENV: 'test',
      HOUSEHOLD_REGISTRY_URL: url,
      VEHICLE_REGISTRY_URL: url,
      BUSINESS_REGISTRY_URL: url,
      HOUSEHOLD_REGISTRY_TOKEN: TOKEN,
      VEHICLE_REGISTRY_TOKEN: TOKEN,
      BUSINESS_REGISTRY_TOKEN: TOKEN,
      REGISTRY_TIMEOUT_MS: '30000',
      REGISTRY_RETRY_BASE_MS: '10',
      REGISTRY_RETRY_AFTER_CAP_MS: String(RETRY_AFTER_CAP_MS),
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX,
      REGISTRY_BATCH_LINGER_MS: String(BATCHING.lingerMs),
      REGISTRY_CALLS_IN_FLIGHT: String(BATCHING.maxInFlight),
      ...env,
    });
  const faultsOn = (source: RegistrySource, faults: object) => simulator.setFaults({ registries: { [source]: faults } });
  const failureOf = (lookup: Promise<unknown>) =>
    lookup.then(
      () => {
        throw new Error('the lookup succeeded');
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(RegistryError);
        return error as RegistryError;
      },
    );

  beforeAll(async () => {
    simulator = await startRegistrySimulator({ token: TOKEN });
    subscribe('http.server.request.start', record);
    subscribe(QUOTA_CHANNEL.name, recordHold);
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(configFor(simulator.url)), RegistriesModule],
    }).compile();
    household = moduleRef.get(HouseholdRegistry);
    vehicle = moduleRef.get(VehicleRegistry);
    business = moduleRef.get(BusinessRegistry);
  });

  afterAll(async () => {
    unsubscribe('http.server.request.start', record);
    unsubscribe(QUOTA_CHANNEL.name, recordHold);
    await moduleRef?.close();
    await simulator.close();
    await deleteKeys(QUEUE_PREFIX);
  });

  beforeEach(() => {
    simulator.setFaults({});
    simulator.resetCounters();
    seen = [];
    holds = [];
  });

  describe('answers', () => {
    it('are the HTTP adapters, configured from the URLs', () => {
      expect(household).toBeInstanceOf(HouseholdRegistryHttpAdapter);
      expect(vehicle).toBeInstanceOf(VehicleRegistryHttpAdapter);
      expect(business).toBeInstanceOf(BusinessRegistryHttpAdapter);
    });

    it('household registration: persons and households, exactly as the sandbox adapter answers', async () => {
      const persons = await household.searchPersons(ID_NUMBERS.slice(0, 40));
      expect(persons.answer).toEqual((await sandboxHousehold.searchPersons(ID_NUMBERS.slice(0, 40))).answer);
      expect(persons.answer.persons.length).toBeGreaterThan(20);

      const households = await household.searchHouseholds(HOUSEHOLD_NUMBERS);
      expect(households.answer).toEqual((await sandboxHousehold.searchHouseholds(HOUSEHOLD_NUMBERS)).answer);
      expect(households.answer.households).toHaveLength(dataset.households.length);
      expect(households.answer.notFound).toEqual(['SBX999999999']);
    });

    it('vehicle registration, exactly as the sandbox adapter answers', async () => {
      const lookup = await vehicle.searchByOwners(ID_NUMBERS.slice(0, 50));
      expect(lookup.answer).toEqual((await sandboxVehicle.searchByOwners(ID_NUMBERS.slice(0, 50))).answer);
      expect(lookup.answer.vehicles.length).toBeGreaterThan(0);
      expect(lookup.answer.vehicles.some((found) => found.assessedValue !== undefined)).toBe(true);
    });

    it('business registration, exactly as the sandbox adapter answers', async () => {
      const lookup = await business.searchByPersons(ID_NUMBERS);
      expect(lookup.answer).toEqual((await sandboxBusiness.searchByPersons(ID_NUMBERS)).answer);
      expect(lookup.answer.entities).toHaveLength(dataset.entities.length);
      expect(lookup.answer.notFound).toContain(UNKNOWN);
    });

    it('send the token, the purpose and a fresh request id per call, and report them', async () => {
      const lookup = await vehicle.searchByOwners([UNKNOWN]);
      expect(lookup).toEqual({ answer: { vehicles: [], notFound: [UNKNOWN] }, attempts: 1, requestIds: [expect.stringMatching(UUID)] });
      expect(seen).toHaveLength(1);
      expect(seen[0]!.path).toBe('/vehicle-registration/v1/owners/search');
      expect(seen[0]!.headers).toMatchObject({
        authorization: `Bearer ${TOKEN}`,
        'x-purpose': 'social-assistance-verification',
        'x-request-id': lookup.requestIds[0],
        'content-type': 'application/json',
      });
    });

    it('split more than 50 identifiers into calls of 50 and merge them into one complete answer', async () => {
      const many = [...ID_NUMBERS, ...Array.from({ length: 120 - ID_NUMBERS.length }, (_, i) => `11010119000101${String(1000 + i)}`)];
      expect(many).toHaveLength(120);
      const lookup = await household.searchPersons(many);
      expect(simulator.requests('HOUSEHOLD_REGISTRATION')).toBe(3);
      expect(lookup.attempts).toBe(3);
      expect(new Set(lookup.requestIds).size).toBe(3);
      expect(seen.map((request) => request.headers['x-request-id'])).toEqual(lookup.requestIds);
      const accounted = [...lookup.answer.persons.map((person) => person.idNumber), ...lookup.answer.notFound];
      expect(accounted.sort()).toEqual([...many].sort());
      expect(lookup.answer).toEqual((await sandboxHousehold.searchPersons(many)).answer);
    });
  });

  describe('retries', () => {
    it('a 503 twice, then answers on the third attempt', async () => {
      faultsOn('BUSINESS_REGISTRATION', { failFirst: { count: 2, status: 503 } });
      const lookup = await business.searchByPersons(ID_NUMBERS.slice(0, 10));
      expect(lookup.attempts).toBe(3);
      expect(new Set(lookup.requestIds).size).toBe(3);
      expect(lookup.answer).toEqual((await sandboxBusiness.searchByPersons(ID_NUMBERS.slice(0, 10))).answer);
    });

    it('a registry that always fails with 5xx: UNAVAILABLE after exactly 4 attempts', async () => {
      faultsOn('VEHICLE_REGISTRATION', { status: 500 });
      const error = await failureOf(vehicle.searchByOwners(ID_NUMBERS.slice(0, 5)));
      expect(error.code).toBe('UNAVAILABLE');
      expect(error.options.attempts).toBe(4);
      expect(error.options.requestIds).toHaveLength(4);
      expect(simulator.requests('VEHICLE_REGISTRATION')).toBe(4);
      expect(error.message).toBe('VEHICLE_REGISTRATION searchVehiclesByOwner: failed with 500 INTERNAL_ERROR; gave up after 4 attempts');
    });

    it('a 429 with Retry-After: 1 holds every process back for that second, and the retry comes after it', async () => {
      faultsOn('HOUSEHOLD_REGISTRATION', { failFirst: { count: 1, status: 429, retryAfterSeconds: 1 } });
      const lookup = await household.searchPersons(ID_NUMBERS.slice(0, 3));
      expect(lookup.attempts).toBe(2);
      expect(holds).toEqual([{ kind: 'hold', source: 'HOUSEHOLD_REGISTRATION', holdMs: 1000, scope: 'all' }]);
      const [limited, retried] = simulator.log('HOUSEHOLD_REGISTRATION');
      expect([limited.status, limited.retryAfterSeconds, retried.status]).toEqual([429, 1, 200]);
      expect(retried.receivedAt - limited.answeredAt!).toBeGreaterThanOrEqual(1000);
    });

    it('a Retry-After beyond the cap holds this process back only as long as the cap', async () => {
      faultsOn('HOUSEHOLD_REGISTRATION', { failFirst: { count: 1, status: 503, retryAfterSeconds: 20 } });
      const lookup = await household.searchHouseholds(HOUSEHOLD_NUMBERS.slice(0, 2));
      expect(lookup.attempts).toBe(2);
      // A 503's Retry-After holds this process only: the quota of the others was not spent.
      expect(holds).toEqual([{ kind: 'hold', source: 'HOUSEHOLD_REGISTRATION', holdMs: RETRY_AFTER_CAP_MS, scope: 'process' }]);
      const [unavailable, retried] = simulator.log('HOUSEHOLD_REGISTRATION');
      expect([unavailable.status, unavailable.retryAfterSeconds, retried.status]).toEqual([503, 20, 200]);
      expect(retried.receivedAt - unavailable.answeredAt!).toBeGreaterThanOrEqual(RETRY_AFTER_CAP_MS);
    });

    it('a registry still rate limiting at the last attempt: RATE_LIMITED, with the wait it asked for', async () => {
      faultsOn('BUSINESS_REGISTRATION', { status: 429, retryAfterSeconds: 0 });
      const error = await failureOf(business.searchByPersons([UNKNOWN]));
      expect(error).toMatchObject({ code: 'RATE_LIMITED', transient: true, options: { attempts: 4, retryAfterMs: 0 } });
      expect(simulator.requests('BUSINESS_REGISTRATION')).toBe(4);
    });

    it('a registry that never answers: each attempt times out, UNAVAILABLE after 4', async () => {
      faultsOn('VEHICLE_REGISTRATION', { hangRate: 1 });
      const hanging = new VehicleRegistryHttpAdapter(
        registryHttpClient(configFor(simulator.url, { REGISTRY_TIMEOUT_MS: String(TIMEOUT_MS) }), 'VEHICLE')!,
        BATCHING,
      );
      const error = await failureOf(hanging.searchByOwners([UNKNOWN]));
      expect(error.code).toBe('UNAVAILABLE');
      expect(error.message).toContain(`no answer within ${TIMEOUT_MS} ms`);
      expect(error.options.attempts).toBe(4);
      // Four requests, each left unanswered: every attempt was given up by its timeout.
      const calls = simulator.log('VEHICLE_REGISTRATION');
      expect(calls.map((call) => [call.requestId, call.answeredAt])).toEqual(error.options.requestIds!.map((id) => [id, undefined]));
    });

    it('a registry that refuses connections: UNAVAILABLE after 4 attempts', async () => {
      const gone = await startRegistrySimulator();
      await gone.close();
      const adapter = new VehicleRegistryHttpAdapter(registryHttpClient(configFor(gone.url), 'VEHICLE')!, BATCHING);
      const error = await failureOf(adapter.searchByOwners([UNKNOWN]));
      expect(error).toMatchObject({ code: 'UNAVAILABLE', options: { attempts: 4 } });
      expect(error.message).toContain('connection failed');
    });
  });

  describe('failures that are not retried', () => {
    it.each([400, 401, 403])('a %i: REJECTED after 1 attempt', async (status) => {
      faultsOn('HOUSEHOLD_REGISTRATION', { status });
      const error = await failureOf(household.searchPersons(ID_NUMBERS.slice(0, 1)));
      expect(error).toMatchObject({ code: 'REJECTED', transient: false, options: { attempts: 1 } });
      expect(error.options.requestIds).toHaveLength(1);
      expect(simulator.requests('HOUSEHOLD_REGISTRATION')).toBe(1);
    });

    it('a wrong token: REJECTED with 401', async () => {
      const adapter = new BusinessRegistryHttpAdapter(
        registryHttpClient(configFor(simulator.url, { BUSINESS_REGISTRY_TOKEN: 'not-the-token' }), 'BUSINESS')!,
        BATCHING,
      );
      const error = await failureOf(adapter.searchByPersons([UNKNOWN]));
      expect(error).toMatchObject({
        code: 'REJECTED',
        message: 'BUSINESS_REGISTRATION searchMarketEntitiesByPerson: refused the request with 401 UNAUTHORIZED',
      });
      expect(simulator.requests()).toBe(1);
    });

    it('a 200 that is malformed (not JSON, or not the schema): INVALID_RESPONSE after 1 attempt', async () => {
      faultsOn('VEHICLE_REGISTRATION', { malformedRate: 1 });
      const messages = new Set<string>();
      for (let call = 0; call < 6; call++) {
        const error = await failureOf(vehicle.searchByOwners(ID_NUMBERS.slice(0, 3)));
        expect(error).toMatchObject({ code: 'INVALID_RESPONSE', transient: false, options: { attempts: 1 } });
        messages.add(error.message);
      }
      expect(simulator.requests('VEHICLE_REGISTRATION')).toBe(6);
      expect([...messages].sort()).toEqual([
        'VEHICLE_REGISTRATION searchVehiclesByOwner: answered 200 with a body that is not JSON',
        "VEHICLE_REGISTRATION searchVehiclesByOwner: the answer does not match the contract: (body) must have required property 'vehicles'",
      ]);
    });

    it('an answer that leaves an identifier out: INVALID_RESPONSE, naming no one', async () => {
      faultsOn('HOUSEHOLD_REGISTRATION', { incompleteRate: 1 });
      const asked = ID_NUMBERS.slice(0, 5);
      const error = await failureOf(household.searchPersons(asked));
      expect(error).toMatchObject({
        code: 'INVALID_RESPONSE',
        message: 'HOUSEHOLD_REGISTRATION searchPersons: the answer does not account for 1 of the 5 identifiers asked',
        options: { attempts: 1 },
      });
      for (const idNumber of asked) expect(error.message).not.toContain(idNumber);
    });
  });
});
