import { ReverificationRunsService } from '../../src/modules/reverification/reverification-runs.service.js';
import { settledApplication } from '../access/access-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { completed, fireSchedule, runsWhere, setClockMonthsAhead, verificationsOfRun, waitForRun } from './reverification-steps.js';

/**
 * What a programme's scheduler re-verifies: its enrolled households whose last verification is
 * older than the interval of the policy in force for their region (yearly; half-yearly for
 * extreme-poverty support in Ngari from 2023). The service's clock is moved months ahead
 * instead of waiting; each firing is the job the scheduler would add.
 */
describe.each(['sqlite', 'postgres'] as const)('households due for re-verification on %s', (kind) => {
  let t: TestApp;
  let intake: string;
  let admin: string;
  const ids = {} as Record<'dibao523' | 'dibao521' | 'dibaoIneligible' | 'dibaoRecent' | 'tekun523' | 'tekun526', string>;

  /** Fires the programme's schedule with the clock `months` ahead and answers the households its run re-verified. */
  async function scheduledRun(program: 'MINIMUM_LIVING_ALLOWANCE' | 'EXTREME_POVERTY_SUPPORT', months: number): Promise<string[]> {
    setClockMonthsAhead(t, months);
    const runId = await fireSchedule(t, program, `${months}`);
    const run = await waitForRun(t, runId, admin, completed);
    const households = Object.keys(await verificationsOfRun(t, runId)).sort();
    expect(run).toMatchObject({ trigger: 'SCHEDULE', regionCode: null, program, total: households.length, skipped: 0, failed: 0 });
    await t.queuesDrained();
    return households;
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    intake = t.token('intake', 'intake-due');
    admin = t.token('admin', 'admin-due');
    const settle = (key: string) => settledApplication(t, intake, admin, key);
    [ids.dibao523, ids.dibao521, ids.dibaoIneligible, ids.tekun523, ids.tekun526] = await Promise.all([
      settle('dibao-eligible-urban'),
      settle('enterprise-share-below-allowance'),
      settle('dibao-income-equal-urban-standard'),
      settle('tekun-cancelled-enterprise-income-below-standard'),
      settle('tekun-executive-only'),
    ]);
  });

  afterAll(async () => {
    if (t) setClockMonthsAhead(t, 0);
    await t?.close();
  });

  it('after five months nobody is due', async () => {
    expect(await scheduledRun('MINIMUM_LIVING_ALLOWANCE', 5)).toEqual([]);
    expect(await scheduledRun('EXTREME_POVERTY_SUPPORT', 5)).toEqual([]);
  });

  it('after eight months the half-yearly programme is due, the yearly one is not', async () => {
    expect(await scheduledRun('MINIMUM_LIVING_ALLOWANCE', 8)).toEqual([]);
    expect(await scheduledRun('EXTREME_POVERTY_SUPPORT', 8)).toEqual([ids.tekun523, ids.tekun526].sort());
  });

  it('after thirteen months the yearly programme is due, but not a household verified three months ago nor one not enrolled', async () => {
    setClockMonthsAhead(t, 10);
    ids.dibaoRecent = await settledApplication(t, intake, admin, 'dibao-income-one-fen-below-urban-standard');
    expect(await scheduledRun('MINIMUM_LIVING_ALLOWANCE', 13)).toEqual([ids.dibao523, ids.dibao521].sort());
    // Re-verified at eight months: five months ago.
    expect(await scheduledRun('EXTREME_POVERTY_SUPPORT', 13)).toEqual([]);
  });

  it('the half-yearly programme is due again six months after its last re-verification', async () => {
    expect(await scheduledRun('EXTREME_POVERTY_SUPPORT', 15)).toEqual([ids.tekun523, ids.tekun526].sort());
  });

  it('a firing taken twice starts one run', async () => {
    setClockMonthsAhead(t, 15);
    const key = 'repeat:reverify-MINIMUM_LIVING_ALLOWANCE:taken-twice';
    const first = await fireSchedule(t, 'MINIMUM_LIVING_ALLOWANCE', 'taken-twice');
    // The same firing again, as a retried job brings it: the run is found by its key.
    const again = await t.app.get(ReverificationRunsService).startScheduled('MINIMUM_LIVING_ALLOWANCE', key);
    expect(again.id).toBe(first);
    expect(await runsWhere(t, 'schedule_key = $1', [key])).toHaveLength(1);
    await waitForRun(t, first, admin, completed);
  });

  it('a run asked for over a prefecture takes every enrolled household of its counties, whenever last verified', async () => {
    const started = await t.request('POST', '/v1/reverification-runs', {
      token: admin,
      body: { regionCode: '542500', program: 'MINIMUM_LIVING_ALLOWANCE' },
    });
    expect(started.status).toBe(202);
    await waitForRun(t, started.body.id, admin, completed);
    expect(Object.keys(await verificationsOfRun(t, started.body.id)).sort()).toEqual([ids.dibao523, ids.dibao521, ids.dibaoRecent].sort());
  });
});
