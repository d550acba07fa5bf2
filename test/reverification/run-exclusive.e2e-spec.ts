import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '../../src/core/queue/queue.types.js';
import { ReverificationRunsRepository } from '../../src/modules/reverification/reverification-runs.repository.js';
import { ReverificationRunsService } from '../../src/modules/reverification/reverification-runs.service.js';
import { expectProblem, settledApplication } from '../access/access-fixtures.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';
import { completed, query, reverificationQueue, runsWhere, waitForRun } from './reverification-steps.js';

const MLA_542523 = { regionCode: '542523', program: 'MINIMUM_LIVING_ALLOWANCE' };

/**
 * At most one re-verification run per region and programme at a time, enforced by the
 * database (a unique key on the runs not finished), so that concurrent requests, from one
 * process or several, start one: the others are 409 naming the running one. A run is finished
 * once COMPLETED (all selected, none pending). Scheduled runs (every region) follow the same
 * rule per programme: a firing while one runs starts nothing.
 */
describe.each(['sqlite', 'postgres'] as const)('one run per region and programme at a time, on %s', (kind) => {
  let t: TestApp;
  let admin: string;

  const start = (body: object, token = admin) => t.request('POST', '/v1/reverification-runs', { token, body });
  const runCount = async () => Number((await query<{ n: string | number }>(t, 'SELECT COUNT(*) AS n FROM reverification_runs'))[0].n);
  const expectRunning = (response: TestResponse, runId: string) => {
    expectProblem(response, 409);
    expect(response.body.runId).toBe(runId);
    expect(response.body.detail).toContain(runId);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = t.token('admin', 'admin-exclusive');
    // Enrolled households in county 542523 for the runs to take up.
    await Promise.all([0, 1].map(() => settledApplication(t, t.token('intake', 'intake-exclusive'), admin, 'dibao-eligible-urban')));
  });
  afterAll(async () => {
    await reverificationQueue(t).resume();
    await t.queuesDrained();
    await t.close();
  });

  it('refuses a second run of the region and programme while the first is selecting, naming it; other regions and programmes go ahead', async () => {
    await reverificationQueue(t).pause();
    const first = await start(MLA_542523);
    expect(first.status).toBe(202);
    const before = await runCount();
    expectRunning(await start(MLA_542523), first.body.id);
    expectRunning(await start(MLA_542523, t.token('reviewer', 'reviewer-5425', '542500')), first.body.id);
    expect(await runCount()).toBe(before);

    expect((await start({ ...MLA_542523, regionCode: '542521' })).status).toBe(202);
    expect((await start({ ...MLA_542523, program: 'TEMPORARY_ASSISTANCE' })).status).toBe(202);
    // A prefecture is a region of its own: its run is not the county's.
    expect((await start({ ...MLA_542523, regionCode: '542500' })).status).toBe(202);

    await reverificationQueue(t).resume();
    await waitForRun(t, first.body.id, admin, completed);
  });

  it('refuses one while the first is still verifying what it selected, and takes one once it has completed', async () => {
    const determinations = t.app.get<Queue>(getQueueToken(QueueName.Determination));
    await determinations.pause();
    let first: TestResponse;
    try {
      first = await start(MLA_542523);
      expect(first.status).toBe(202);
      await waitForRun(t, first.body.id, admin, (run) => run.status === 'VERIFYING');
      expectRunning(await start(MLA_542523), first.body.id);
    } finally {
      await determinations.resume();
    }
    await waitForRun(t, first.body.id, admin, completed);
    const next = await start(MLA_542523);
    expect(next.status).toBe(202);
    await waitForRun(t, next.body.id, admin, completed);
  });

  it('starts exactly one of ten requests made at once; the other nine name it', async () => {
    await reverificationQueue(t).pause();
    try {
      const body = { regionCode: '542525', program: 'EXTREME_POVERTY_SUPPORT' };
      const responses = await Promise.all(Array.from({ length: 10 }, () => start(body)));
      const accepted = responses.filter((response) => response.status === 202);
      expect(accepted).toHaveLength(1);
      for (const response of responses.filter((candidate) => candidate.status !== 202)) expectRunning(response, accepted[0].body.id);
      expect(
        await query(t, 'SELECT id FROM reverification_runs WHERE region_code = $1 AND program = $2', [body.regionCode, body.program]),
      ).toEqual([{ id: accepted[0].body.id }]);
    } finally {
      await reverificationQueue(t).resume();
    }
  });

  it('holds the rule in the database itself: a second unfinished run of one region and programme cannot be stored', async () => {
    await reverificationQueue(t).pause();
    try {
      const first = await start({ regionCode: '542526', program: 'MINIMUM_LIVING_ALLOWANCE' });
      expect(first.status).toBe(202);
      const [row] = await query(t, 'SELECT * FROM reverification_runs WHERE id = $1', [first.body.id]);
      const copy = { ...row, id: '00000000-0000-4000-8000-0000000000aa', schedule_key: null };
      const columns = Object.keys(copy);
      const placeholders = columns.map((_, index) => `$${index + 1}`).join(', ');
      await expect(
        query(
          t,
          `INSERT INTO reverification_runs (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${placeholders})`,
          Object.values(copy),
        ),
      ).rejects.toThrow();
    } finally {
      await reverificationQueue(t).resume();
    }
  });

  it('answers 409 naming the winner when another process stored its run after this one looked (the unique key decides)', async () => {
    await reverificationQueue(t).pause();
    try {
      const body = { regionCode: '542524', program: 'EXTREME_POVERTY_SUPPORT' };
      const first = await start(body);
      expect(first.status).toBe(202);
      // As if this request had looked before the other process stored its run: it finds none.
      jest.spyOn(t.app.get(ReverificationRunsRepository), 'findActive').mockResolvedValueOnce(null);
      const before = await runCount();
      expectRunning(await start(body), first.body.id);
      expect(await runCount()).toBe(before);
    } finally {
      await reverificationQueue(t).resume();
    }
  });

  it('lets a scheduler’s firing start nothing while the programme’s scheduled run is unfinished', async () => {
    const runs = t.app.get(ReverificationRunsService);
    await reverificationQueue(t).pause();
    try {
      const first = await runs.startScheduled('TEMPORARY_ASSISTANCE', 'repeat:reverify-TEMPORARY_ASSISTANCE:1');
      const second = await runs.startScheduled('TEMPORARY_ASSISTANCE', 'repeat:reverify-TEMPORARY_ASSISTANCE:2');
      expect(second.id).toBe(first.id);
      expect((await runsWhere(t, 'program = $1 AND "trigger" = \'SCHEDULE\'', ['TEMPORARY_ASSISTANCE'])).map((run) => run.id)).toEqual([
        first.id,
      ]);
      // A run asked for over the API covers one region, not every one: it goes ahead.
      expect((await start({ regionCode: '542527', program: 'TEMPORARY_ASSISTANCE' })).status).toBe(202);
    } finally {
      await reverificationQueue(t).resume();
    }
  });
});
