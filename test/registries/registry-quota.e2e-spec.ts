import { randomBytes, randomUUID } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { QUOTA_CHANNEL, type QuotaDecision, RegistryQuota } from '../../src/modules/registries/quota/registry-quota.js';
import { deleteKeys, TEST_REDIS_URL } from '../support/test-app.js';

type Grant = Extract<QuotaDecision, { kind: 'grant' }>;

/**
 * The registries' call quota on the real Redis, with two RegistryQuota instances standing for
 * two processes: the slots it grants (published on its channel, in Redis time) are spaced by
 * the quota whoever asks, and a hold delays every later slot. Nothing here measures time.
 */
describe('RegistryQuota', () => {
  const prefix = `hedui-test-${randomBytes(4).toString('hex')}`;
  const processes = [new RegistryQuota({ redisUrl: TEST_REDIS_URL, prefix }), new RegistryQuota({ redisUrl: TEST_REDIS_URL, prefix })];
  let decisions: QuotaDecision[] = [];
  const record = (message: unknown) => void decisions.push(message as QuotaDecision);
  const grants = () => decisions.filter((decision): decision is Grant => decision.kind === 'grant');

  beforeAll(() => subscribe(QUOTA_CHANNEL.name, record));
  beforeEach(() => {
    decisions = [];
  });
  afterAll(async () => {
    unsubscribe(QUOTA_CHANNEL.name, record);
    await Promise.all(processes.map((quota) => quota.onApplicationShutdown()));
    await deleteKeys(prefix);
  });

  it('spaces the calls of every process by the quota: 20 a second, 50 ms apart, one slot each', async () => {
    const [first, second] = processes.map((quota) => quota.forRegistry('VEHICLE_REGISTRATION', 20));
    const requestIds = Array.from({ length: 12 }, () => randomUUID());
    await Promise.all(requestIds.map((requestId, i) => (i % 2 ? first : second).acquire(requestId)));

    expect(
      grants()
        .map((grant) => grant.requestId)
        .sort(),
    ).toEqual([...requestIds].sort());
    const slots = grants()
      .map((grant) => grant.slotMs)
      .sort((a, b) => a - b);
    for (let i = 1; i < slots.length; i++) expect(slots[i] - slots[i - 1]).toBeGreaterThanOrEqual(50);
    // The first asker found the registry idle and went at once.
    const earliest = grants().find((grant) => grant.slotMs === slots[0])!;
    expect(earliest.slotMs).toBe(earliest.reservedAtMs);
  });

  it('keeps each registry to its own schedule', async () => {
    // One call in 100 s: the vehicle registry's next slot lies beyond anything this test waits for.
    await processes[0].forRegistry('VEHICLE_REGISTRATION', 0.01).acquire(randomUUID());
    await processes[1].forRegistry('BUSINESS_REGISTRATION', 0.01).acquire(randomUUID());
    const [vehicle, business] = grants();
    expect(business).toMatchObject({ source: 'BUSINESS_REGISTRATION', slotMs: business.reservedAtMs });
    expect(business.reservedAtMs).toBeLessThan(vehicle.slotMs + 100_000);
  });

  it('delays every slot of every process until a hold has passed, and without a quota grants at once otherwise', async () => {
    const holding = processes[0].forRegistry('HOUSEHOLD_REGISTRATION', 0);
    const other = processes[1].forRegistry('HOUSEHOLD_REGISTRATION', 0);
    await other.acquire(randomUUID());
    const [free] = grants();
    expect(free.slotMs).toBe(free.reservedAtMs);

    await holding.holdBack(300);
    await other.acquire(randomUUID());
    const [, held] = grants();
    // The hold began after the free grant was reserved, so the held slot lies at least 300 ms past that reservation.
    expect(held.slotMs).toBeGreaterThanOrEqual(free.reservedAtMs + 300);
    expect(held.slotMs).toBeGreaterThan(held.reservedAtMs);
  });
});
