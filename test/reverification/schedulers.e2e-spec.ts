import { PROGRAMS } from '../../src/modules/eligibility/eligibility.types.js';
import { ReverificationScheduler } from '../../src/modules/reverification/reverification.scheduler.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { reverificationQueue, runsWhere, until } from './reverification-steps.js';

/**
 * One BullMQ job scheduler per programme on REVERIFICATION_SCHEDULE (Asia/Shanghai), upserted
 * by worker processes at start-up, idempotently; an empty schedule removes them. Schedulers
 * live in Redis alone, so one database kind is enough here; what a firing does is tested with
 * both (due-households).
 */
describe('re-verification schedulers', () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>) => {
    const t = await startTestApp('sqlite', env);
    apps.push(t);
    return t;
  };
  const schedulersOf = async (t: TestApp) =>
    (await reverificationQueue(t).getJobSchedulers()).map((scheduler) => ({
      id: scheduler.key,
      pattern: scheduler.pattern,
      tz: scheduler.tz,
      job: scheduler.template?.data,
    }));
  const expected = (pattern: string) =>
    PROGRAMS.map((program) => ({
      id: `reverify-${program}`,
      pattern,
      tz: 'Asia/Shanghai',
      job: { program, correlationId: `reverify-${program}` },
    }));
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('a worker process upserts one per programme at start-up, nightly in Shanghai time, and again without duplicates', async () => {
    const t = await start({ SERVICE_MODE: 'worker', REVERIFICATION_SCHEDULE: '30 1 * * *' });
    const scheduler = t.app.get(ReverificationScheduler);
    await scheduler.applied;
    expect(byId(await schedulersOf(t))).toEqual(byId(expected('30 1 * * *')));
    const firings = await reverificationQueue(t).getJobs(['delayed']);
    expect(firings).toHaveLength(3);
    for (const job of firings) {
      const due = new Date(job.timestamp + job.delay);
      // 01:30 in Shanghai is 17:30 UTC.
      expect([due.getUTCHours(), due.getUTCMinutes()]).toEqual([17, 30]);
    }

    await scheduler.apply('30 1 * * *');
    await scheduler.apply('30 1 * * *');
    expect(await reverificationQueue(t).getJobSchedulersCount()).toBe(3);
    expect(await reverificationQueue(t).getDelayedCount()).toBe(3);

    await scheduler.apply('');
    expect(await reverificationQueue(t).getJobSchedulersCount()).toBe(0);
    expect(await reverificationQueue(t).getDelayedCount()).toBe(0);
  });

  it('each firing starts a scheduled run for its programme', async () => {
    const t = await start({ REVERIFICATION_SCHEDULE: '' });
    const scheduler = t.app.get(ReverificationScheduler);
    expect(await reverificationQueue(t).getJobSchedulersCount()).toBe(0);
    await scheduler.apply('* * * * * *');
    const programs = await until(
      async () => {
        const runs = await runsWhere(t, `"trigger" = 'SCHEDULE'`);
        const seen = new Set(runs.map((run) => run.program));
        return PROGRAMS.every((program) => seen.has(program)) ? seen : undefined;
      },
      'a scheduled run of every programme',
      10000,
    );
    expect([...programs].sort()).toEqual([...PROGRAMS].sort());
    await scheduler.apply('');
    expect(await reverificationQueue(t).getJobSchedulersCount()).toBe(0);
  });

  it('a process serving only the API leaves the schedulers alone', async () => {
    const t = await start({ SERVICE_MODE: 'api', REVERIFICATION_SCHEDULE: '30 1 * * *' });
    // A worker's upsert is done within milliseconds of its start (see the first test); give it ample time.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await reverificationQueue(t).getJobSchedulersCount()).toBe(0);
  });
});
