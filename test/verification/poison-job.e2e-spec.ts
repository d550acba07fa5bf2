import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../../src/core/database/unit-of-work.js';
import { ApplicationEntity } from '../../src/modules/applications/entities/application.entity.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { VerificationService } from '../../src/modules/verification/verification.service.js';
import { VerificationSweeper } from '../../src/modules/verification/verification.sweeper.js';
import { expectCaseOutcome, submitCase } from '../support/sandbox-case-runner.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A verification whose determination fails every attempt (here: it names a policy version the
 * service does not have) sends its application to review with the reason and without a
 * determination; the other applications keep flowing, and a re-verification settles it.
 */
describe.each(['sqlite', 'postgres'] as const)('a poison job, on %s', (kind) => {
  let t: TestApp;
  let intake: string;
  let reviewer: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { VERIFICATION_REQUEUE_AFTER_MS: '100', VERIFICATION_SWEEP_INTERVAL_MS: '600000' });
    intake = t.token('intake', 'intake-poison');
    reviewer = t.token('reviewer', 'reviewer-poison');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lands the application in review with the reason while other applications are determined', async () => {
    const poisoned = await submitCase(t, intake, SANDBOX_CASES[0]);
    await t.waitForDetermination(poisoned, intake);
    const verificationId = await recordUnknownPolicyVerification(poisoned);

    const healthy = await Promise.all(SANDBOX_CASES.slice(1, 6).map((sandboxCase) => submitCase(t, intake, sandboxCase)));
    for (const [index, id] of healthy.entries()) {
      expectCaseOutcome((await t.waitForDetermination(id, intake)).body, SANDBOX_CASES[index + 1]);
    }

    const item = await waitForReviewItem(poisoned);
    expect(item).toMatchObject({
      applicationId: poisoned,
      applicationStatus: 'IN_REVIEW',
      origin: 'PROCESSING_FAILED',
      outcome: null,
      findingCodes: [],
      requestReason: 'The determination failed 3 time(s) (Error); no determination was made.',
    });
    const [verification] = await sql(`SELECT status FROM verifications WHERE id = '${verificationId}'`);
    expect(verification.status).toBe('FAILED');
    await t.auditSealed();
    const events = await sql(`SELECT action, outcome FROM audit_events WHERE application_id = '${poisoned}' ORDER BY sequence`);
    expect(events.at(-1)).toEqual({ action: 'VERIFICATION_FAILED', outcome: 'NEEDS_REVIEW' });
    await t.queuesDrained();

    // Nothing to decide on: the reviewer is told to re-verify, which settles the case.
    const decision = await t.request('POST', `/v1/reviews/${poisoned}/decision`, {
      token: reviewer,
      body: { decision: 'REJECTED', reason: 'No evidence could be gathered for this household.' },
    });
    expect(decision.status).toBe(409);
    expect(decision.headers.get('content-type')).toContain('application/problem+json');
    const reverify = await t.request('POST', `/v1/applications/${poisoned}/reverify`, { token: reviewer });
    expect(reverify.status).toBe(202);
    expectCaseOutcome((await t.waitForDetermination(poisoned, intake)).body, SANDBOX_CASES[0]);
    expect(await pendingReviewItems(poisoned)).toBe(0);
  });

  it('is sent to review by the sweeper when the failure could not be recorded at the time', async () => {
    const id = await submitCase(t, intake, SANDBOX_CASES[0]);
    await t.waitForDetermination(id, intake);
    const verificationId = await recordUnknownPolicyVerification(id);
    await waitForReviewItem(id);
    // As if the process had died right after the job's last failure: the verification is still pending.
    await sql(`DELETE FROM review_items WHERE application_id = '${id}' AND origin = 'PROCESSING_FAILED'`);
    await sql(`UPDATE verifications SET status = 'PENDING', completed_at = NULL WHERE id = '${verificationId}'`);
    await sql(`UPDATE applications SET status = 'VERIFYING' WHERE id = '${id}'`);
    // A failure is the sweeper's once it is older than VERIFICATION_REQUEUE_AFTER_MS (100 ms here).
    await new Promise((resolve) => setTimeout(resolve, 150));

    expect(await t.app.get(VerificationSweeper).sweep()).toBe(0);
    expect(await waitForReviewItem(id)).toMatchObject({
      origin: 'PROCESSING_FAILED',
      requestReason: expect.stringMatching(/failed 3 time/),
    });
    expect(await pendingReviewItems(id)).toBe(1);
  });

  /** A re-verification recorded as the service records one, but naming a policy version that does not exist. */
  async function recordUnknownPolicyVerification(applicationId: string): Promise<string> {
    const id = randomUUID();
    const correlationId = randomUUID();
    await t.app.get(UnitOfWork).run(async (manager) => {
      await t.app.get(VerificationService).record(manager, {
        id,
        applicationId,
        sequence: 2,
        policyVersion: 'withdrawn@2000-01-01',
        requestedBy: 'intake-poison',
        correlationId,
        at: new Date().toISOString(),
      });
      await manager.update(ApplicationEntity, { id: applicationId }, { status: 'RECEIVED', currentVerificationId: id });
    });
    expect(await t.app.get(VerificationService).enqueue({ id, correlationId })).toBe(true);
    return id;
  }

  async function waitForReviewItem(applicationId: string): Promise<any> {
    for (const deadline = Date.now() + 30000; ;) {
      const list = await t.request('GET', '/v1/reviews?status=PENDING&limit=100', { token: reviewer });
      const item = list.body.items.find((candidate: any) => candidate.applicationId === applicationId);
      if (item) return item;
      if (Date.now() > deadline) throw new Error(`${applicationId} did not reach the review queue`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function pendingReviewItems(applicationId: string): Promise<number> {
    const [{ n }] = await sql(`SELECT COUNT(*) AS n FROM review_items WHERE application_id = '${applicationId}' AND status = 'PENDING'`);
    return Number(n);
  }

  function sql(query: string): Promise<any[]> {
    return t.app.get(DataSource).query(query);
  }
});
