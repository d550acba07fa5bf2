import { idNumberCheckCharacter } from '../../../core/identity/id-number.js';
import { BUSINESS_PERSONS_SEARCH } from '../business/business-registry.mapper.js';
import { PERSONS_SEARCH } from '../household/household-registry.mapper.js';
import { RegistryError } from '../registry.error.js';
import { loadSandboxDataset } from '../sandbox/sandbox-registry.handler.js';
import { SandboxRegistryTransport } from '../sandbox/sandbox-registry.transport.js';
import { VEHICLE_OWNERS_SEARCH } from '../vehicle/vehicle-registry.mapper.js';
import type { CallSlot, RegistryTransport, SearchEndpoint, TransportAnswer } from './registry-search.js';
import { SearchBatcher } from './search-batcher.js';

const dataset = loadSandboxDataset();
const PEOPLE = [...new Set(dataset.persons.map((person) => person.idNumber))];
const OWNERS = [...new Set(dataset.vehicles.map((vehicle) => vehicle.ownerIdNumber))];
const SHARED_ENTITY = dataset.entities.find((entity) => new Set(entity.roles.map((role) => role.idNumber)).size > 1)!;
/** Valid identity numbers nobody in the sandbox has. */
const STRANGERS = Array.from({ length: 120 }, (_, i) => `11010119900101${String(100 + i)}`).map(
  (first17) => first17 + idNumberCheckCharacter(first17),
);

/** The sandbox, one call at a time, with a record of every call and faults on demand. */
class RecordingTransport implements RegistryTransport {
  readonly calls: string[][] = [];
  private readonly sandbox = new SandboxRegistryTransport();
  fault?: (identifiers: string[]) => RegistryError | { body: unknown } | undefined;
  /** Calls wait for this before answering, so that a test may look at what is under way. */
  gate: Promise<void> = Promise.resolve();

  async post(endpoint: SearchEndpoint, body: object): Promise<TransportAnswer> {
    const identifiers = Object.values(body)[0] as string[];
    this.calls.push(identifiers);
    const n = this.calls.length;
    await this.gate;
    const fault = this.fault?.(identifiers);
    if (fault instanceof RegistryError) throw fault;
    if (fault) return { body: fault.body, requestIds: [`request-${n}`], attempts: 1 };
    const answer = await this.sandbox.post(endpoint, body);
    return { ...answer, requestIds: [`request-${n}`] };
  }
}

describe('SearchBatcher', () => {
  let transport: RecordingTransport;
  beforeEach(() => {
    transport = new RecordingTransport();
  });
  afterEach(() => jest.useRealTimers());

  const alone = (search: typeof PERSONS_SEARCH | typeof VEHICLE_OWNERS_SEARCH | typeof BUSINESS_PERSONS_SEARCH, identifiers: string[]) =>
    new SearchBatcher(search as typeof PERSONS_SEARCH, new SandboxRegistryTransport(), { lingerMs: 0, maxInFlight: 1 }).lookup(identifiers);

  it('shares one call between the lookups made within the linger, and gives each only its own answer', async () => {
    const batcher = new SearchBatcher(PERSONS_SEARCH, transport, { lingerMs: 20, maxInFlight: 4 });
    const asks = [PEOPLE.slice(0, 3), PEOPLE.slice(3, 5), [PEOPLE[5], STRANGERS[0]]];
    const lookups = await Promise.all(asks.map((identifiers) => batcher.lookup(identifiers)));
    expect(transport.calls).toHaveLength(1);
    expect(transport.calls[0]).toHaveLength(7);
    for (const [i, lookup] of lookups.entries()) {
      expect(lookup).toEqual({ answer: (await alone(PERSONS_SEARCH, asks[i])).answer, requestIds: ['request-1'], attempts: 1 });
    }
  });

  it('keeps a neighbour’s roles in a shared business out of each answer', async () => {
    const batcher = new SearchBatcher(BUSINESS_PERSONS_SEARCH, transport, { lingerMs: 20, maxInFlight: 4 });
    const [first, second] = [...new Set(SHARED_ENTITY.roles.map((role) => role.idNumber))];
    const [mine, theirs] = await Promise.all([batcher.lookup([first]), batcher.lookup([second])]);
    expect(transport.calls).toHaveLength(1);
    const holders = (lookup: typeof mine) => new Set(lookup.answer.entities.flatMap((entity) => entity.roles.map((role) => role.idNumber)));
    expect(holders(mine)).toEqual(new Set([first]));
    expect(holders(theirs)).toEqual(new Set([second]));
    expect(mine.answer).toEqual((await alone(BUSINESS_PERSONS_SEARCH, [first])).answer);
    expect(theirs.answer).toEqual((await alone(BUSINESS_PERSONS_SEARCH, [second])).answer);
  });

  it('asks an identifier that several lookups want once', async () => {
    const batcher = new SearchBatcher(VEHICLE_OWNERS_SEARCH, transport, { lingerMs: 20, maxInFlight: 4 });
    const [a, b] = await Promise.all([batcher.lookup([OWNERS[0], OWNERS[1]]), batcher.lookup([OWNERS[1]])]);
    expect(transport.calls).toEqual([[OWNERS[0], OWNERS[1]].sort()]);
    expect(b.answer).toEqual((await alone(VEHICLE_OWNERS_SEARCH, [OWNERS[1]])).answer);
    expect(a.answer.vehicles.length).toBeGreaterThan(b.answer.vehicles.length - 1);
  });

  it('sends a lone lookup once the linger has passed, and a full call at once', async () => {
    jest.useFakeTimers();
    const batcher = new SearchBatcher(PERSONS_SEARCH, transport, { lingerMs: 100, maxInFlight: 4 });
    void batcher.lookup([PEOPLE[0]]);
    await jest.advanceTimersByTimeAsync(99);
    expect(transport.calls).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(transport.calls).toHaveLength(1);

    void batcher.lookup(STRANGERS.slice(0, 50));
    await jest.advanceTimersByTimeAsync(0);
    expect(transport.calls.map((call) => call.length)).toEqual([1, 50]);
  });

  it('splits many identifiers into calls of 50, at most maxInFlight at a time, and puts the lookup’s calls together', async () => {
    let open!: () => void;
    transport.gate = new Promise((resolve) => (open = resolve));
    const batcher = new SearchBatcher(PERSONS_SEARCH, transport, { lingerMs: 0, maxInFlight: 2 });
    const lookup = batcher.lookup(STRANGERS);
    await new Promise((resolve) => setImmediate(resolve));
    expect(transport.calls.map((call) => call.length)).toEqual([50, 50]);
    open();
    const answer = await lookup;
    expect(transport.calls.map((call) => call.length)).toEqual([50, 50, 20]);
    expect(answer).toEqual({
      answer: { persons: [], notFound: [...STRANGERS].sort() },
      requestIds: ['request-1', 'request-2', 'request-3'],
      attempts: 3,
    });
  });

  it('puts new applications’ identifiers first in a call, and background ones in what room is left', async () => {
    jest.useFakeTimers();
    let open!: () => void;
    transport.gate = new Promise((resolve) => (open = resolve));
    const batcher = new SearchBatcher(PERSONS_SEARCH, transport, { lingerMs: 10, maxInFlight: 1 });
    const first = batcher.lookup([STRANGERS[100]]);
    await jest.advanceTimersByTimeAsync(10);
    expect(transport.calls).toHaveLength(1);
    // While that call is under way, a run's lookup, then a new application's.
    const background = batcher.lookup(STRANGERS.slice(0, 40), { lane: 'background' });
    const intake = batcher.lookup(STRANGERS.slice(40, 70));
    await jest.advanceTimersByTimeAsync(10);
    open();
    await jest.advanceTimersByTimeAsync(0);
    await Promise.all([first, background, intake]);
    expect(transport.calls.map((call) => call.length)).toEqual([1, 50, 20]);
    expect(transport.calls[1]).toEqual(expect.arrayContaining(STRANGERS.slice(40, 70)));
  });

  it('fails only the lookups that asked for an identifier the answer leaves out', async () => {
    const batcher = new SearchBatcher(PERSONS_SEARCH, transport, { lingerMs: 20, maxInFlight: 4 });
    transport.fault = (identifiers) => ({
      body: { persons: [], notFound: identifiers.filter((identifier) => identifier !== STRANGERS[1]) },
    });
    const [kept, lost] = await Promise.allSettled([batcher.lookup([STRANGERS[0]]), batcher.lookup([STRANGERS[1], STRANGERS[2]])]);
    expect(kept).toMatchObject({ status: 'fulfilled', value: { answer: { persons: [], notFound: [STRANGERS[0]] } } });
    expect(lost).toMatchObject({
      status: 'rejected',
      reason: {
        code: 'INVALID_RESPONSE',
        message: 'HOUSEHOLD_REGISTRATION searchPersons: the answer does not account for 1 of the 2 identifiers asked',
        options: { attempts: 1, requestIds: ['request-1'] },
      },
    });
  });

  it('halves a call refused with 400 until the bad identifier stands alone, failing only its lookup', async () => {
    const bad = STRANGERS[5];
    transport.fault = (identifiers) =>
      identifiers.includes(bad)
        ? new RegistryError('REJECTED', 'refused', { status: 400, attempts: 1, requestIds: ['refused'] })
        : undefined;
    const batcher = new SearchBatcher(PERSONS_SEARCH, transport, { lingerMs: 20, maxInFlight: 4 });
    const outcomes = await Promise.allSettled(STRANGERS.slice(0, 8).map((identifier) => batcher.lookup([identifier])));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(outcomes[5]).toMatchObject({ reason: { code: 'REJECTED', options: { attempts: 4, status: 400 } } });
    // 8, then 4 + 4, then 2 + 2 (the half with it), then 1 + 1.
    expect(transport.calls.map((call) => call.length).sort()).toEqual([1, 1, 2, 2, 4, 4, 8]);
  });

  it('fails every lookup a call carried when the call fails outright, with its requests', async () => {
    transport.fault = () => new RegistryError('UNAVAILABLE', 'down', { attempts: 4, requestIds: ['a', 'b', 'c', 'd'] });
    const batcher = new SearchBatcher(PERSONS_SEARCH, transport, { lingerMs: 20, maxInFlight: 4 });
    const outcomes = await Promise.allSettled([batcher.lookup([PEOPLE[0]]), batcher.lookup([PEOPLE[1]])]);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: { code: 'UNAVAILABLE', options: { attempts: 4, requestIds: ['a', 'b', 'c', 'd'] } },
      });
    }
    expect(transport.calls).toHaveLength(1);
  });

  it.each([
    ['does not match the schema', () => ({ body: { notFound: [] } })],
    ['speaks of someone not asked', () => ({ body: { persons: [], notFound: [STRANGERS[99]] } })],
  ])('fails every lookup of a call whose answer %s', async (_, fault) => {
    transport.fault = fault;
    const batcher = new SearchBatcher(PERSONS_SEARCH, transport, { lingerMs: 20, maxInFlight: 4 });
    const outcomes = await Promise.allSettled([batcher.lookup([STRANGERS[0]]), batcher.lookup([STRANGERS[1]])]);
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && (outcome.reason as RegistryError).code)).toEqual([
      'INVALID_RESPONSE',
      'INVALID_RESPONSE',
    ]);
  });

  describe('under a quota (the transport hands out call slots)', () => {
    /** Slots come when the test releases them, one by one. */
    class SlottedTransport extends RecordingTransport {
      readonly slotsAsked: Array<() => void> = [];
      readonly slotsUsed: string[] = [];
      takeSlot(): Promise<CallSlot> {
        const requestId = `slot-${this.slotsAsked.length + 1}`;
        return new Promise((resolve) => this.slotsAsked.push(() => resolve({ requestId })));
      }
      override async post(endpoint: SearchEndpoint, body: object, slot?: CallSlot): Promise<TransportAnswer> {
        if (slot) this.slotsUsed.push(slot.requestId);
        return super.post(endpoint, body);
      }
    }
    const settle = () => new Promise((resolve) => setImmediate(resolve));

    it('chooses what a call asks when its slot comes: lookups made while it waited go in it', async () => {
      const slotted = new SlottedTransport();
      const batcher = new SearchBatcher(PERSONS_SEARCH, slotted, { lingerMs: 0, maxInFlight: 4 });
      const first = batcher.lookup(PEOPLE.slice(0, 2));
      await new Promise((resolve) => setTimeout(resolve, 5));
      // Past the linger, one call waits for its slot; the next lookups add no call of their own.
      const later = [batcher.lookup(PEOPLE.slice(2, 4)), batcher.lookup(PEOPLE.slice(4, 6))];
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(slotted.slotsAsked).toHaveLength(1);
      slotted.slotsAsked[0]();
      await Promise.all([first, ...later]);
      expect(slotted.calls).toEqual([PEOPLE.slice(0, 6).sort()]);
      expect(slotted.slotsUsed).toEqual(['slot-1']);
    });

    it('asks a second slot only when more than a call’s worth waits beyond what the first will take', async () => {
      const slotted = new SlottedTransport();
      const batcher = new SearchBatcher(PERSONS_SEARCH, slotted, { lingerMs: 1000, maxInFlight: 4 });
      const lookups = [batcher.lookup(STRANGERS.slice(0, 50))];
      await settle();
      expect(slotted.slotsAsked).toHaveLength(1);
      lookups.push(batcher.lookup(STRANGERS.slice(50, 100)));
      await settle();
      expect(slotted.slotsAsked).toHaveLength(2);
      lookups.push(batcher.lookup(STRANGERS.slice(100, 110)));
      await settle();
      expect(slotted.slotsAsked).toHaveLength(2);
      for (const release of slotted.slotsAsked) release();
      await settle();
      // The ten left over wait for their linger, or for another lookup to fill a call.
      expect(slotted.calls.map((call) => call.length)).toEqual([50, 50]);
      lookups.push(batcher.lookup(STRANGERS.slice(110, 120)));
      batcher.lookup(PEOPLE.slice(0, 30)).catch(() => undefined);
      await settle();
      expect(slotted.slotsAsked).toHaveLength(3);
      slotted.slotsAsked[2]();
      await Promise.all(lookups);
      expect(slotted.calls.map((call) => call.length)).toEqual([50, 50, 50]);
    });
  });
});
