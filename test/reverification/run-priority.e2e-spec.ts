import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '../../src/core/database/unit-of-work.js';
import { ApplicationEntity } from '../../src/modules/applications/entities/application.entity.js';
import { VerificationService } from '../../src/modules/verification/verification.service.js';
import { VerificationSweeper } from '../../src/modules/verification/verification.sweeper.js';
import { sandboxCase, settledApplication } from '../access/access-fixtures.js';
import { submitCase } from '../support/sandbox-case-runner.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ReverificationRunner } from '../../src/modules/reverification/reverification-runner.js';
import {
  completed,
  query,
  reverificationQueue,
  until,
  verificationQueues,
  verificationsOfRun,
  waitForRun,
} from './reverification-steps.js';

/**
 * A run must not starve new applications: its flows are prioritized, and BullMQ takes every
 * job without a priority first. One job at a time per queue makes the order observable: with
 * the workers paused, a new application submitted after a run's households were queued is
 * still checked and determined before any of them. And a run queues no more households while
 * REVERIFICATION_MAX_PENDING of its verifications are pending.
 */
describe.each(['sqlite', 'postgres'] as const)('a run queues behind new applications on %s', (kind) => {
  let t: TestApp;
  let intake: string;
  let admin: string;
  const enrolled: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(kind, { WORKER_CONCURRENCY: '1', REVERIFICATION_BATCH_SIZE: '2', REVERIFICATION_MAX_PENDING: '4' });
    intake = t.token('intake', 'intake-priority');
    admin = t.token('admin', 'admin-priority');
    for (let i = 0; i < 6; i += 1) enrolled.push(await settledApplication(t, intake, admin, 'dibao-eligible-urban'));
  });

  afterAll(async () => {
    await Promise.all(verificationQueues(t).map((queue) => queue.resume()));
    await t?.close();
  });

  it('checks and determines a new application before the run’s households, and holds the run at its limit', async () => {
    await t.auditSealed();
    const [sequenceBefore] = await query<{ n: string | number }>(t, 'SELECT MAX(sequence) AS n FROM audit_events');
    const queues = verificationQueues(t);
    await Promise.all(queues.map((queue) => queue.pause()));

    const started = await t.request('POST', '/v1/reverification-runs', {
      token: admin,
      body: { regionCode: '542523', program: 'MINIMUM_LIVING_ALLOWANCE' },
    });
    expect(started.status).toBe(202);
    const runId: string = started.body.id;
    // Two steps of two, then the run waits: four of its verifications are pending.
    const held = await waitForRun(t, runId, admin, (body) => body.total === 4);
    expect(held).toMatchObject({ status: 'SELECTING', pending: 4 });
    await until(async () => ((await reverificationQueue(t).getJob(`run-${runId}`))?.isDelayed() ? true : undefined), 'the run job to wait');
    // Asked for its next step while its four are pending, the run decides to wait and takes no household.
    expect(await t.app.get(ReverificationRunner).step(runId)).toBe('WAITING');
    expect((await waitForRun(t, runId, admin, () => true)).total).toBe(4);
    for (const registryQueue of queues.slice(1)) {
      const prioritized = await registryQueue.getJobs(['prioritized']);
      expect(prioritized.map((job) => job.priority)).toEqual([10, 10, 10, 10]);
    }

    // In another county, so that the run does not take it up once it is determined.
    const fresh = await submitCase(t, intake, sandboxCase('enterprise-share-below-allowance'));
    await Promise.all(queues.map((queue) => queue.resume()));
    await waitForRun(t, runId, admin, completed);
    await t.waitForDetermination(fresh, admin);
    expect(Object.keys(await verificationsOfRun(t, runId)).sort()).toEqual([...enrolled].sort());

    await t.auditSealed();
    const events = await query<{ application_id: string; action: string; outcome: string }>(
      t,
      `SELECT application_id, action, outcome FROM audit_events
       WHERE sequence > $1 AND action IN ('REGISTRY_CONSULTED', 'DETERMINATION_MADE') ORDER BY sequence`,
      [Number(sequenceBefore.n)],
    );
    const firstOf = (kind: string) => events.find((event) => `${event.action}:${event.outcome}`.startsWith(kind));
    for (const kind of [
      'REGISTRY_CONSULTED:HOUSEHOLD_REGISTRATION',
      'REGISTRY_CONSULTED:VEHICLE_REGISTRATION',
      'REGISTRY_CONSULTED:BUSINESS_REGISTRATION',
      'DETERMINATION_MADE',
    ]) {
      expect({ kind, first: firstOf(kind)?.application_id }).toEqual({ kind, first: fresh });
    }
  });

  it('keeps the run’s priority when the sweeper enqueues a run verification Redis never took', async () => {
    const [latest] = await query<{ id: string; sequence: number; run_id: string }>(
      t,
      'SELECT id, sequence, run_id FROM verifications WHERE application_id = $1 ORDER BY sequence DESC',
      [enrolled[0]],
    );
    expect(latest.run_id).toEqual(expect.any(String));
    const queues = verificationQueues(t);
    await Promise.all(queues.map((queue) => queue.pause()));
    // Recorded as a run records one, with no enqueue after it (the process died in between).
    const verificationId = randomUUID();
    await t.app.get(UnitOfWork).run(async (manager) => {
      await t.app.get(VerificationService).record(manager, {
        id: verificationId,
        applicationId: enrolled[0],
        sequence: latest.sequence + 1,
        policyVersion: '5425@2023-01-01',
        requestedBy: 'admin-priority',
        correlationId: randomUUID(),
        at: '2020-01-01T00:00:00.000Z',
        runId: latest.run_id,
      });
      await manager.update(ApplicationEntity, { id: enrolled[0] }, { status: 'RECEIVED', currentVerificationId: verificationId });
    });
    expect(await t.app.get(VerificationSweeper).sweep()).toBeGreaterThanOrEqual(1);
    const [determinations, ...registries] = queues;
    expect((await determinations.getJob(`determine-${verificationId}`))?.priority).toBe(10);
    for (const registryQueue of registries) {
      const checks = (await registryQueue.getJobs(['prioritized', 'waiting'])).filter((job) => job.data.verificationId === verificationId);
      expect(checks.map((job) => job.priority)).toEqual([10]);
    }
    await Promise.all(queues.map((queue) => queue.resume()));
    expect((await t.waitForDetermination(enrolled[0], admin)).body.determination.verificationId).toBe(verificationId);
  });
});
