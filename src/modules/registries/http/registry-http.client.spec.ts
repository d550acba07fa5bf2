import { RegistryError } from '../registry.error.js';
import { VehicleRegistryHttpAdapter } from '../vehicle/vehicle-registry.http-adapter.js';
import { VEHICLE_OWNERS_SEARCH } from '../vehicle/vehicle-registry.mapper.js';
import { RegistryHttpClient } from './registry-http.client.js';

const THRESHOLD = 3;
const HALF_OPEN_MS = 30_000;
const OWNER = '542523197804129012';
const OPTIONS = {
  baseUrl: 'http://registry.test',
  timeoutMs: 1000,
  maxAttempts: 2,
  retryBaseMs: 0,
  retryAfterCapMs: 5000,
  breakerThreshold: THRESHOLD,
  breakerHalfOpenMs: HALF_OPEN_MS,
};

/** What the fake registry answers next; `fetch` is the only thing doubled. */
type Answer = { status: number; body?: string; headers?: Record<string, string> };

describe('RegistryHttpClient circuit breaker', () => {
  let answer: Answer;
  let fetchMock: jest.SpyInstance;
  let now: number;
  let client: RegistryHttpClient;

  const answered = (status: number, headers?: Record<string, string>) => {
    answer = { status, body: JSON.stringify(status === 200 ? { vehicles: [], notFound: [OWNER] } : { error: { code: 'X' } }), headers };
  };
  const call = () => client.post(VEHICLE_OWNERS_SEARCH, { idNumbers: [OWNER] });
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('the call succeeded');
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(RegistryError);
        return error as RegistryError;
      },
    );
  const failTimes = async (times: number) => {
    for (let i = 0; i < times; i++) await failureOf(call());
  };

  beforeEach(() => {
    now = 1_700_000_000_000;
    // The breaker reads the clock through Date.now; moving it is how the half-open wait passes.
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    fetchMock = jest
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => new Response(answer.body, { status: answer.status, headers: answer.headers }));
    client = new RegistryHttpClient(OPTIONS);
  });

  afterEach(() => jest.restoreAllMocks());

  it('opens after the threshold of calls that spent their retries, then fails fast without calling', async () => {
    answered(503);
    await failTimes(THRESHOLD - 1);
    expect(client.circuit).toBe('closed');
    const last = await failureOf(call());
    expect(last.options.attempts).toBe(2);
    expect(client.circuit).toBe('open');
    expect(fetchMock).toHaveBeenCalledTimes(THRESHOLD * 2);

    const refused = await failureOf(call());
    expect(refused).toMatchObject({ code: 'UNAVAILABLE', transient: true, options: { attempts: 0, requestIds: [] } });
    expect(refused.message).toMatch(/^VEHICLE_REGISTRATION: circuit open/);
    expect(fetchMock).toHaveBeenCalledTimes(THRESHOLD * 2);
  });

  it('keeps attempts 0 through the adapter, so that the check records that nothing was asked', async () => {
    answered(503);
    await failTimes(THRESHOLD);
    const error = await failureOf(new VehicleRegistryHttpAdapter(client, { lingerMs: 0, maxInFlight: 1 }).searchByOwners([OWNER]));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', options: { attempts: 0, requestIds: [] } });
  });

  it('counts consecutive failures only: an answer in between starts the count again', async () => {
    answered(503);
    await failTimes(THRESHOLD - 1);
    answered(200);
    await call();
    answered(503);
    await failTimes(THRESHOLD - 1);
    expect(client.circuit).toBe('closed');
  });

  it('counts calls that gave up on 429, and holds every process back for each Retry-After as it comes, capped', async () => {
    const holds: number[] = [];
    const quota = {
      acquire: jest.fn(async (_requestId: string) => undefined),
      holdBack: jest.fn(async (ms: number) => void holds.push(ms)),
    };
    // The holds are kept on the monotonic clock, faked from the start so that the client never sees two clocks.
    jest.useFakeTimers({ doNotFake: ['Date'] });
    try {
      client = new RegistryHttpClient({ ...OPTIONS, quota });
      answered(429, { 'Retry-After': '0' });
      for (let i = 0; i < THRESHOLD; i++) {
        const failed = failureOf(call());
        await jest.runAllTimersAsync();
        await failed;
      }
      expect(client.circuit).toBe('open');
      expect(holds).toEqual(Array(THRESHOLD * 2).fill(0));
      // Every attempt took a slot of the quota first, named by its request id.
      expect(quota.acquire.mock.calls.map(([requestId]) => requestId)).toEqual(
        fetchMock.mock.calls.map(([, init]) => (init as RequestInit & { headers: Record<string, string> }).headers['X-Request-Id']),
      );
      expect(quota.acquire).toHaveBeenCalledTimes(THRESHOLD * 2);

      holds.length = 0;
      now += HALF_OPEN_MS;
      answered(429, { 'Retry-After': '9' });
      const probe = failureOf(call());
      await jest.advanceTimersByTimeAsync(4999);
      // Held back for the capped Retry-After on its own clock: no second attempt yet.
      expect(fetchMock).toHaveBeenCalledTimes(THRESHOLD * 2 + 1);
      await jest.advanceTimersByTimeAsync(1);
      expect((await probe).code).toBe('RATE_LIMITED');
      expect(fetchMock).toHaveBeenCalledTimes(THRESHOLD * 2 + 2);
    } finally {
      jest.useRealTimers();
    }
    expect(holds).toEqual([5000, 5000]);
  });

  it('sends a call whose slot was taken beforehand at once, under that slot’s request id, and takes new slots for its retries', async () => {
    const quota = { acquire: jest.fn(async (_requestId: string) => undefined), holdBack: jest.fn(async (_ms: number) => undefined) };
    client = new RegistryHttpClient({ ...OPTIONS, quota });
    const slot = await client.takeSlot();
    expect(quota.acquire.mock.calls).toEqual([[slot.requestId]]);
    answered(503);
    const failed = await failureOf(client.post(VEHICLE_OWNERS_SEARCH, { idNumbers: [OWNER] }, slot));
    const sent = fetchMock.mock.calls.map(
      ([, init]) => (init as RequestInit & { headers: Record<string, string> }).headers['X-Request-Id'],
    );
    expect(failed.options.requestIds).toEqual(sent);
    expect(sent[0]).toBe(slot.requestId);
    // The slot served the first attempt only; the retry took one of its own.
    expect(quota.acquire.mock.calls.map(([requestId]) => requestId)).toEqual([slot.requestId, sent[1]]);
  });

  it('holds this process back for a 503 Retry-After, without holding other processes', async () => {
    const quota = { acquire: jest.fn(async (_requestId: string) => undefined), holdBack: jest.fn(async (_ms: number) => undefined) };
    client = new RegistryHttpClient({ ...OPTIONS, quota });
    answered(503, { 'Retry-After': '2' });
    jest.useFakeTimers({ doNotFake: ['Date'] });
    try {
      const first = call();
      await jest.advanceTimersByTimeAsync(0);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      answered(200);
      // Another call of this process meanwhile waits out the same hold, as the first one's retry does.
      const second = call();
      await jest.advanceTimersByTimeAsync(1999);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(1);
      await expect(first).resolves.toMatchObject({ attempts: 2 });
      await expect(second).resolves.toMatchObject({ attempts: 1 });
      expect(fetchMock).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
    expect(quota.holdBack).not.toHaveBeenCalled();
  });

  it('half-opens after the configured time: a probe that succeeds closes the circuit', async () => {
    answered(503);
    await failTimes(THRESHOLD);
    now += HALF_OPEN_MS - 1;
    expect((await failureOf(call())).options.attempts).toBe(0);

    now += 1;
    answered(200);
    const calls = fetchMock.mock.calls.length;
    await expect(call()).resolves.toMatchObject({ attempts: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(calls + 1);
    expect(client.circuit).toBe('closed');
  });

  it('half-opens after the configured time: a probe that fails opens it again for as long', async () => {
    answered(503);
    await failTimes(THRESHOLD);
    now += HALF_OPEN_MS;
    expect((await failureOf(call())).options.attempts).toBe(2);
    expect(client.circuit).toBe('open');
    expect((await failureOf(call())).options.attempts).toBe(0);
    now += HALF_OPEN_MS;
    answered(200);
    await call();
    expect(client.circuit).toBe('closed');
  });

  it.each([
    ['REJECTED', 403, undefined],
    ['INVALID_RESPONSE', 200, 'not JSON'],
  ])('never opens on %s: the registry is up', async (code, status, body) => {
    answer = { status, body: body ?? JSON.stringify({ error: { code: 'PURPOSE_REFUSED' } }) };
    for (let i = 0; i < THRESHOLD * 3; i++) {
      expect((await failureOf(call())).code).toBe(code);
    }
    expect(client.circuit).toBe('closed');
    expect(fetchMock).toHaveBeenCalledTimes(THRESHOLD * 3);
  });
});
