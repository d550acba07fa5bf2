import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '../../src/core/queue/queue.types.js';
import { BusinessRegistry } from '../../src/modules/registries/business/business-registry.port.js';
import { HouseholdRegistry } from '../../src/modules/registries/household/household-registry.port.js';
import { VehicleRegistry } from '../../src/modules/registries/vehicle/vehicle-registry.port.js';
import { expectProblem, rowCounts } from '../access/access-fixtures.js';
import { validApplication } from '../fixtures/application-bodies.js';
import { sqlOf } from '../review/review-steps.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

/**
 * A token's region holds at intake too: a submission for a region outside it is 403 naming
 * `regionCode`, and nothing is stored, queued or asked of a registry; an Idempotency-Key that
 * answered another token of the same staff member does not open the way either.
 */
describe.each(['sqlite', 'postgres'] as const)('intake within the token’s region on %s', (kind) => {
  let t: TestApp;
  let sql: ReturnType<typeof sqlOf>;
  const registryCalls: jest.SpyInstance[] = [];

  const submit = (token: string, regionCode: string, headers: Record<string, string> = {}) =>
    t.request('POST', '/v1/applications', { token, body: validApplication({ regionCode }), headers });
  /** Every audit event but the refusals themselves. */
  const auditedChanges = async () => Number((await sql(`SELECT COUNT(*) AS n FROM audit_events WHERE outcome <> 'DENIED'`))[0].n);
  /** Jobs in every queue, in any state: a refused submission must not have added one. */
  const jobs = async () => {
    const counts = await Promise.all(Object.values(QueueName).map((name) => t.app.get<Queue>(getQueueToken(name)).getJobCounts()));
    return counts.reduce((sum, count) => sum + Object.values(count).reduce((a, b) => a + b, 0), 0);
  };
  const state = async () => ({ rows: await rowCounts(t), audited: await auditedChanges(), jobs: await jobs() });
  const expectRefusedForRegion = (response: TestResponse) => {
    expectProblem(response, 403);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['regionCode']);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    sql = sqlOf(t);
    registryCalls.push(
      jest.spyOn(t.app.get(HouseholdRegistry), 'searchPersons'),
      jest.spyOn(t.app.get(HouseholdRegistry), 'searchHouseholds'),
      jest.spyOn(t.app.get(VehicleRegistry), 'searchByOwners'),
      jest.spyOn(t.app.get(BusinessRegistry), 'searchByPersons'),
    );
  });
  afterAll(async () => {
    await t.queuesDrained();
    await t.close();
  });

  it('refuses a county token (542521) submitting for 542525 with 403 naming regionCode: nothing stored, queued or consulted', async () => {
    const before = await state();
    expectRefusedForRegion(await submit(t.token('intake', 'intake-521', '542521'), '542525'));
    expect(await state()).toEqual(before);
    expect(registryCalls.filter((spy) => spy.mock.calls.length > 0)).toEqual([]);
  });

  it.each([
    ['a county token of another county', '542521'],
    ['a prefecture token of another prefecture', '542400'],
    ['a province token of another province', '110000'],
  ])('refuses %s, and so an admin with that region', async (_label, region) => {
    const before = await state();
    expectRefusedForRegion(await submit(t.token('intake', 'intake-elsewhere', region), '542525'));
    expectRefusedForRegion(await submit(t.token('admin', 'admin-elsewhere', region), '542525'));
    expect(await state()).toEqual(before);
  });

  it.each([
    ['its own county', '542525'],
    ['its prefecture', '542500'],
    ['its province', '540000'],
  ])('accepts a token of %s submitting for county 542525', async (_label, region) => {
    const response = await submit(t.token('intake', `intake-${region}`, region), '542525');
    expect(response.status).toBe(202);
  });

  it('does not answer a regional token’s repeat of an Idempotency-Key with the application it may not submit', async () => {
    const key = { 'idempotency-key': 'region-repeat-1' };
    const first = await submit(t.token('intake', 'intake-moving'), '542525', key);
    expect(first.status).toBe(202);
    await t.waitForDetermination(first.body.id, t.token('admin', 'admin-reader'));
    await t.queuesDrained();
    const before = await state();
    // The same staff member, now holding a token for another county, repeats the key and the body.
    const repeat = await submit(t.token('intake', 'intake-moving', '542521'), '542525', key);
    expectRefusedForRegion(repeat);
    expect(repeat.text).not.toContain(first.body.id);
    expect(await state()).toEqual(before);
  });
});
