import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../../src/core/database/unit-of-work.js';
import { ApplicationEntity } from '../../src/modules/applications/entities/application.entity.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { VerificationService } from '../../src/modules/verification/verification.service.js';
import { privateRedis, type PrivateRedis } from '../support/private-redis.js';
import { expectCaseOutcome, submitCase } from '../support/sandbox-case-runner.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * An application accepted while Redis is down is stored with its pending verification and
 * verified once Redis is back, even a Redis restarted empty: the sweeper enqueues it again,
 * and a repeated enqueue never makes a second determination.
 */
describe.each(['sqlite', 'postgres'] as const)('no lost enqueue, on %s', (kind) => {
  let redis: PrivateRedis;
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    redis = await privateRedis();
    t = await startTestApp(kind, {
      REDIS_URL: redis.url,
      ENQUEUE_WAIT_MS: '200',
      VERIFICATION_REQUEUE_AFTER_MS: '500',
      VERIFICATION_SWEEP_INTERVAL_MS: '250',
    });
    intake = t.token('intake', 'intake-outage');
  });
  afterAll(async () => {
    await t?.close();
    await redis?.kill();
  });

  it('accepts applications while Redis is down and determines each exactly once after it returns empty', async () => {
    await redis.kill();
    const cases = SANDBOX_CASES.slice(0, 5);
    const enqueue = jest.spyOn(t.app.get(VerificationService), 'enqueue');
    const ids = await Promise.all(cases.map((sandboxCase) => submitCase(t, intake, sandboxCase)));
    // Accepted from the database alone: each submission gave up on Redis (after ENQUEUE_WAIT_MS at
    // most: enqueuedWithin's unit spec) and left its verification to the sweeper.
    expect(await Promise.all(enqueue.mock.results.map((result) => result.value))).toEqual(cases.map(() => false));
    enqueue.mockRestore();

    await redis.start();
    for (const [index, id] of ids.entries()) {
      expectCaseOutcome((await t.waitForDetermination(id, intake, 60000)).body, cases[index]);
    }
    const rows: { application_id: string; n: string | number }[] = await t.app
      .get(DataSource)
      .query('SELECT application_id, COUNT(*) AS n FROM determinations GROUP BY application_id');
    const counts = new Map(rows.map((row) => [row.application_id, Number(row.n)]));
    expect(ids.map((id) => counts.get(id))).toEqual(ids.map(() => 1));
  });

  it('verifies what was committed but never enqueued, as when the process dies between the two', async () => {
    const id = await submitCase(t, intake, SANDBOX_CASES[0]);
    await t.waitForDetermination(id, intake);
    // A re-verification recorded exactly as the service records one, with no enqueue after it.
    const verificationId = randomUUID();
    await t.app.get(UnitOfWork).run(async (manager) => {
      await t.app.get(VerificationService).record(manager, {
        id: verificationId,
        applicationId: id,
        sequence: 2,
        policyVersion: 'national@2023-01-01',
        requestedBy: 'intake-outage',
        correlationId: randomUUID(),
        at: new Date().toISOString(),
      });
      await manager.update(ApplicationEntity, { id }, { status: 'RECEIVED', currentVerificationId: verificationId });
    });
    const application = (await t.waitForDetermination(id, intake, 30000)).body;
    expect(application.determination.verificationId).toBe(verificationId);
    expect(application.determination.policyVersion).toBe('national@2023-01-01');
  });

  it('runs a verification enqueued several times (submission, sweeper, a retry) once', async () => {
    const id = await submitCase(t, intake, SANDBOX_CASES[0]);
    const { verificationId, correlationId } = await verificationOf(id);
    const verifications = t.app.get(VerificationService);
    expect(await Promise.all([1, 2, 3].map(() => verifications.enqueue({ id: verificationId, correlationId })))).toEqual([
      true,
      true,
      true,
    ]);
    await t.waitForDetermination(id, intake);
    await t.queuesDrained();
    const [{ n }] = await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM determinations WHERE application_id = '${id}'`);
    expect(Number(n)).toBe(1);
  });

  async function verificationOf(applicationId: string): Promise<{ verificationId: string; correlationId: string }> {
    const [row] = await t.app
      .get(DataSource)
      .query(`SELECT id, correlation_id FROM verifications WHERE application_id = '${applicationId}'`);
    return { verificationId: row.id, correlationId: row.correlation_id };
  }
});
