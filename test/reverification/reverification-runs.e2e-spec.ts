import { ReverificationRunSweeper } from '../../src/modules/reverification/reverification-run.sweeper.js';
import { ReverificationRunner } from '../../src/modules/reverification/reverification-runner.js';
import { startRegistrySimulator, type RegistrySimulator } from '../../src/modules/registries/sandbox/registry-simulator.server.js';
import { loadSandboxDataset, type SandboxDataset } from '../../src/modules/registries/sandbox/sandbox-registry.handler.js';
import { sandboxCase, settledApplication } from '../access/access-fixtures.js';
import { simulatorEnv, startTestApp, type TestApp } from '../support/test-app.js';
import {
  approve,
  completed,
  query,
  reverificationQueue,
  verificationQueues,
  verificationsOfRun,
  waitForRun,
} from './reverification-steps.js';

const TOKEN = 'reverification-registry-token';

/** The shipped dataset, plus a car registered since to the head of the household of `dibao-eligible-urban`. */
function datasetWithNewCar(): SandboxDataset {
  const shipped = loadSandboxDataset();
  const head = sandboxCase('dibao-eligible-urban').application.members.find((member) => member.relationship === 'HEAD')!;
  return {
    ...shipped,
    vehicles: [
      ...shipped.vehicles,
      {
        plateNumber: '藏F99001',
        ownerIdNumber: head.idNumber,
        vehicleType: 'K33',
        usage: 'NON_COMMERCIAL',
        registeredOn: '2026-10-08',
        status: 'NORMAL',
        disabilityAdapted: false,
        assessedValue: 61000,
      },
    ],
  } as SandboxDataset;
}

/**
 * A run over the registries reached by HTTP: it re-verifies exactly the enrolled households of
 * its programme and region, once each, leaves alone those under way or in review, and reports
 * the household whose registry data changed since it was determined ELIGIBLE.
 */
describe.each(['sqlite', 'postgres'] as const)('re-verification runs on %s', (kind) => {
  let simulator: RegistrySimulator;
  let t: TestApp;
  let intake: string;
  let admin: string;
  let reviewer: string;
  const ids = {} as Record<
    'changing' | 'changingToo' | 'steady' | 'approved' | 'ineligible' | 'otherRegion' | 'otherProgram' | 'busy' | 'objected',
    string
  >;
  let runId: string;
  let finished: any;

  beforeAll(async () => {
    simulator = await startRegistrySimulator({ token: TOKEN });
    t = await startTestApp(kind, {
      ...simulatorEnv(simulator.url, TOKEN),
      REGISTRY_TIMEOUT_MS: '30000',
      REGISTRY_BREAKER_THRESHOLD: '1000',
      REGISTRY_RETRY_BASE_MS: '10',
      // Two households a step: the run's six households take four steps.
      REVERIFICATION_BATCH_SIZE: '2',
    });
    intake = t.token('intake', 'intake-runs');
    admin = t.token('admin', 'admin-runs');
    reviewer = t.token('reviewer', 'reviewer-runs', '542500');
    const settle = (key: string) => settledApplication(t, intake, admin, key);
    [ids.changing, ids.changingToo, ids.steady, ids.approved, ids.ineligible, ids.otherRegion, ids.otherProgram, ids.busy, ids.objected] =
      await Promise.all([
        settle('dibao-eligible-urban'),
        settle('dibao-eligible-urban'),
        settle('dibao-income-one-fen-below-urban-standard'),
        settle('name-mismatch'),
        settle('dibao-income-equal-urban-standard'),
        settle('enterprise-share-below-allowance'),
        settle('tekun-cancelled-enterprise-income-below-standard'),
        settle('vehicle-disability-adapted'),
        settle('name-variants-match'),
      ]);
    // Enrolled by a reviewer's decision after NEEDS_REVIEW.
    await approve(t, reviewer, ids.approved);
    // Enrolled, but pulled back into the queue after an objection.
    const objection = await t.request('POST', '/v1/reviews', {
      token: reviewer,
      body: { applicationId: ids.objected, reason: 'The household objected to the amount; checking in person.' },
    });
    expect(objection.status).toBe(201);

    // The registry now knows of a car bought since by the head of `changing`'s household.
    const port = simulator.port;
    await simulator.close();
    simulator = await startRegistrySimulator({ token: TOKEN, port, dataset: datasetWithNewCar() });
  });

  afterAll(async () => {
    await Promise.all(verificationQueues(t).map((queue) => queue.resume()));
    await t?.queuesDrained().catch(() => undefined);
    await t?.close();
    await simulator?.close();
  });

  it('selects the enrolled households of its programme and region, and skips those under way or in review', async () => {
    // `busy` is being re-verified when the run comes to it: its determination waits on the paused queue.
    const [determinations] = verificationQueues(t);
    await determinations.pause();
    expect((await t.request('POST', `/v1/applications/${ids.busy}/reverify`, { token: admin })).status).toBe(202);

    const started = await t.request('POST', '/v1/reverification-runs', {
      token: reviewer,
      body: { regionCode: '542523', program: 'MINIMUM_LIVING_ALLOWANCE' },
    });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ id: expect.any(String), status: 'SELECTING' });
    runId = started.body.id;
    expect(started.headers.get('location')).toBe(`/v1/reverification-runs/${runId}`);

    const selected = await waitForRun(t, runId, admin, (body) => body.status !== 'SELECTING');
    expect(selected).toMatchObject({ status: 'VERIFYING', total: 6, pending: 4, skipped: 2, done: 0, inReview: 0, failed: 0 });
    expect(Object.keys(await verificationsOfRun(t, runId)).sort()).toEqual(
      [ids.changing, ids.changingToo, ids.steady, ids.approved].sort(),
    );
    // The run's flows wait behind the pause like any other, at the run's priority.
    const waiting = await determinations.getJobs(['prioritized', 'waiting-children']);
    expect(waiting.filter((job) => job.priority > 0)).toHaveLength(4);
    await determinations.resume();

    finished = await waitForRun(t, runId, admin, completed);
  });

  it('re-verifies each matching household exactly once, and its progress adds up', async () => {
    expect(finished).toMatchObject({
      id: runId,
      program: 'MINIMUM_LIVING_ALLOWANCE',
      regionCode: '542523',
      trigger: 'REQUEST',
      requestedBy: 'reviewer-runs',
      status: 'COMPLETED',
      total: 6,
      done: 3,
      inReview: 1,
      failed: 0,
      pending: 0,
      skipped: 2,
      selectedAt: expect.any(String),
    });
    const { total, done, inReview, failed, pending, skipped } = finished;
    expect(done + inReview + failed + pending + skipped).toBe(total);
    expect(await verificationsOfRun(t, runId)).toEqual({ [ids.changing]: 1, [ids.changingToo]: 1, [ids.steady]: 1, [ids.approved]: 1 });
    // The objection stays with its reviewer.
    const objected = await t.request('GET', `/v1/applications/${ids.objected}`, { token: admin });
    expect(objected.body.status).toBe('IN_REVIEW');
  });

  it('reports the households whose outcome changed, a page at a time, and nothing personal', async () => {
    const change = (applicationId: string) => ({
      applicationId,
      previousOutcome: 'ELIGIBLE',
      previousDecision: null,
      newOutcome: 'INELIGIBLE',
      determinedAt: expect.any(String),
    });
    const changed = [ids.changing, ids.changingToo].sort();
    expect(finished.changes).toEqual({ items: changed.map(change), nextCursor: null });
    const first = await t.request('GET', `/v1/reverification-runs/${runId}?limit=1`, { token: admin });
    expect(first.body.changes).toEqual({ items: [change(changed[0])], nextCursor: expect.any(String) });
    const second = await t.request('GET', `/v1/reverification-runs/${runId}?limit=1&cursor=${first.body.changes.nextCursor}`, {
      token: admin,
    });
    expect(second.body.changes).toEqual({ items: [change(changed[1])], nextCursor: null });
    expect(second.body.total).toBe(6);
    const application = await t.request('GET', `/v1/applications/${ids.changing}`, { token: admin });
    expect(application.body.determination.outcome).toBe('INELIGIBLE');
    expect(application.body.determination.findings.map((finding: { code: string }) => finding.code)).toContain('VEHICLE_OWNED');
    const text = JSON.stringify(finished);
    for (const member of sandboxCase('dibao-eligible-urban').application.members) {
      expect(text).not.toContain(member.idNumber);
      expect(text).not.toContain(member.name);
    }
    // The approved household came out NEEDS_REVIEW again: back in the queue, but not a change.
    const approved = await t.request('GET', `/v1/applications/${ids.approved}`, { token: admin });
    expect(approved.body).toMatchObject({ status: 'IN_REVIEW', determination: { outcome: 'NEEDS_REVIEW' } });
  });

  it('a step run again re-verifies nobody twice, and a lost run job is queued again by the sweeper', async () => {
    const before = await verificationsOfRun(t, runId);
    // As if the process had died before recording how far the run had got, and Redis had lost its job.
    await query(t, 'UPDATE reverification_runs SET selected_at = NULL, after_application_id = NULL, created_at = $1 WHERE id = $2', [
      '2020-01-01T00:00:00.000Z',
      runId,
    ]);
    await t.app.get(ReverificationRunner).step(runId);
    expect(await verificationsOfRun(t, runId)).toEqual(before);

    await query(t, 'UPDATE reverification_runs SET selected_at = NULL, after_application_id = NULL WHERE id = $1', [runId]);
    await (await reverificationQueue(t).getJob(`run-${runId}`))?.remove();
    expect(await t.app.get(ReverificationRunSweeper).sweep()).toBe(1);
    const again = await waitForRun(t, runId, admin, completed);
    expect(again).toMatchObject({ total: 6, done: 3, inReview: 1, skipped: 2, pending: 0 });
    expect(await verificationsOfRun(t, runId)).toEqual(before);
  });
});
