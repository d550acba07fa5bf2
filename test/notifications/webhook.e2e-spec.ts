import { createHmac } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '../../src/core/queue/queue.types.js';
import { NotificationService } from '../../src/modules/notifications/notification.service.js';
import { sandboxCase, sqlOf, submitDetermined } from '../review/review-steps.js';
import { privateRedis, type PrivateRedis } from '../support/private-redis.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type ReceivedCall, type WebhookReceiver } from './webhook-receiver.js';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ELIGIBLE = 'dibao-eligible-urban';
const NEEDS_REVIEW = 'name-mismatch';
const REASON = 'Household visited; the names match the household register.';
const JOB_DATA_KEYS = ['correlationId', 'decisionId', 'eventId', 'type', 'verificationId'];

/** When the running test began (Date.now()): every call it causes is signed after it. */
let testStartedAt = 0;
beforeEach(() => {
  testStartedAt = Date.now();
});

/** Checks a call as a receiver would (method, headers, a timestamp of when it was signed, the signature) and answers its body. */
function verifiedBody(call: ReceivedCall): any {
  expect(call.method).toBe('POST');
  expect(call.headers['content-type']).toBe('application/json');
  const timestamp = call.headers['x-hedui-timestamp'] as string;
  expect(timestamp).toMatch(/^\d+$/);
  // Whole seconds, signed after the test began and before the call arrived.
  expect(Number(timestamp)).toBeGreaterThanOrEqual(Math.floor(testStartedAt / 1000));
  expect(Number(timestamp)).toBeLessThanOrEqual(Math.floor(call.receivedAt / 1000));
  const signature = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${call.body}`).digest('hex')}`;
  expect(call.headers['x-hedui-signature']).toBe(signature);
  const body = JSON.parse(call.body);
  expect(body.id).toMatch(UUID);
  expect(call.headers['x-hedui-delivery']).toBe(body.id);
  expect(call.headers['x-hedui-event']).toBe(body.type);
  return body;
}

/** No name and no identity number of these sandbox households anywhere in `text`. */
function expectNoPersonalData(text: string, keys: string[]): void {
  for (const member of keys.flatMap((key) => sandboxCase(key).application.members)) {
    expect(text).not.toContain(member.name);
    expect(text).not.toContain(member.idNumber);
  }
}

/**
 * Polls until no job is left in any queue and every webhook event is DELIVERED or FAILED. Calls
 * come only from the jobs of pending events, so from then on none can come: a call counted
 * after this is every call there will be.
 */
async function quiet(t: TestApp): Promise<void> {
  for (const deadline = Date.now() + 30000; ;) {
    await t.queuesDrained();
    const [{ n }] = await sqlOf(t)(`SELECT COUNT(*) AS n FROM webhook_events WHERE status = 'PENDING'`);
    if (Number(n) === 0) return;
    if (Date.now() > deadline) throw new Error(`${n} webhook event(s) still pending`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Webhook notifications end to end, against a real HTTP receiver, on each database: one
 * signed call per determination and per decision, carrying ids and the result only; retries
 * with the same event id on 5xx and timeouts, none on a refusal; nothing at all without a
 * WEBHOOK_URL; and no event lost when Redis is down as a decision commits, or loses the job.
 */
describe.each(['sqlite', 'postgres'] as const)('webhook notifications on %s', (kind) => {
  describe('with a webhook', () => {
    let receiver: WebhookReceiver;
    let t: TestApp;
    let sql: ReturnType<typeof sqlOf>;
    let queue: Queue;
    let intake: string;
    let reviewer: string;
    const eventRow = async (id: string) =>
      (await sql('SELECT status, attempts, response_status AS "responseStatus" FROM webhook_events WHERE id = ?', [id])).map((row) => ({
        status: row.status,
        attempts: Number(row.attempts),
        responseStatus: row.responseStatus === null ? null : Number(row.responseStatus),
      }))[0];
    /** Submits a case and answers the one event the receiver got for its determination, once its job is done. */
    const determinationCalls = async (key: string) => {
      const { id, application } = await submitDetermined(t, intake, key);
      await quiet(t);
      return { id, application, calls: receiver.calls.filter((call) => JSON.parse(call.body).applicationId === id) };
    };

    beforeAll(async () => {
      receiver = await startWebhookReceiver();
      t = await startTestApp(kind, {
        WEBHOOK_URL: receiver.url,
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_MAX_ATTEMPTS: '4',
        WEBHOOK_RETRY_BASE_MS: '200',
        // Nothing hangs here: generous, so that a busy machine never passes for a timeout (an extra call).
        WEBHOOK_TIMEOUT_MS: '30000',
        VERIFICATION_REQUEUE_AFTER_MS: '300',
        VERIFICATION_SWEEP_INTERVAL_MS: '250',
      });
      sql = sqlOf(t);
      queue = t.app.get<Queue>(getQueueToken(QueueName.Notifications));
      intake = t.token('intake', 'intake-webhook');
      reviewer = t.token('reviewer', 'reviewer-webhook');
    });
    beforeEach(() => receiver.reset());
    afterAll(async () => {
      await t?.close();
      await receiver?.close();
    });

    it('announces each determination and each decision once, signed, with ids and the result only', async () => {
      const eligible = await submitDetermined(t, intake, ELIGIBLE);
      const review = await submitDetermined(t, intake, NEEDS_REVIEW);
      expect((await t.request('POST', `/v1/reviews/${review.id}/claim`, { token: reviewer })).status).toBe(200);
      const decided = await t.request('POST', `/v1/reviews/${review.id}/decision`, {
        token: reviewer,
        body: { decision: 'REJECTED', reason: REASON },
      });
      expect(decided.status).toBe(200);
      await quiet(t);

      expect(receiver.calls).toHaveLength(3);
      const bodies = receiver.calls.map(verifiedBody);
      const determinationOf = ({ id, application }: { id: string; application: any }) => ({
        id: expect.stringMatching(UUID),
        type: 'determination.made',
        occurredAt: application.determination.determinedAt,
        applicationId: id,
        verificationId: application.verificationId,
        program: application.program,
        regionCode: application.regionCode,
        outcome: application.determination.outcome,
      });
      expect(bodies.find((body) => body.applicationId === eligible.id && body.type === 'determination.made')).toEqual(
        determinationOf(eligible),
      );
      expect(bodies.find((body) => body.applicationId === review.id && body.type === 'determination.made')).toEqual({
        ...determinationOf(review),
        outcome: 'NEEDS_REVIEW',
      });
      expect(bodies.find((body) => body.type === 'decision.recorded')).toEqual({
        id: expect.stringMatching(UUID),
        type: 'decision.recorded',
        occurredAt: decided.body.decidedAt,
        applicationId: review.id,
        verificationId: review.application.verificationId,
        program: review.application.program,
        regionCode: review.application.regionCode,
        decision: 'REJECTED',
      });
      expect(new Set(bodies.map((body) => body.id)).size).toBe(3);
      for (const call of receiver.calls) expectNoPersonalData(call.body + JSON.stringify(call.headers), [ELIGIBLE, NEEDS_REVIEW]);
      for (const body of bodies) expect(await eventRow(body.id)).toEqual({ status: 'DELIVERED', attempts: 1, responseStatus: 200 });

      // The jobs carried ids only.
      const jobs = await queue.getJobs(['completed']);
      expect(jobs.map((job) => job.data.eventId).sort()).toEqual(bodies.map((body) => body.id).sort());
      for (const job of jobs) {
        expect(job.id).toMatch(/^notify-(determination\.made|decision\.recorded)-[0-9a-f-]{36}$/);
        for (const key of Object.keys(job.data)) expect(JOB_DATA_KEYS).toContain(key);
        expectNoPersonalData(JSON.stringify(job.data), [ELIGIBLE, NEEDS_REVIEW]);
      }
    });

    it('calls again after 500 and 500, with the same event id, and stops at the 200', async () => {
      receiver.answer = (call) => (call.attempt < 2 ? 500 : 200);
      const { id, application, calls } = await determinationCalls(ELIGIBLE);
      expect(calls.map((call) => call.attempt)).toEqual([0, 1, 2]);
      const bodies = calls.map(verifiedBody);
      expect(new Set(calls.map((call) => call.body)).size).toBe(1);
      expect(bodies[0]).toMatchObject({ type: 'determination.made', applicationId: id, verificationId: application.verificationId });
      expect(await eventRow(bodies[0].id)).toEqual({ status: 'DELIVERED', attempts: 3, responseStatus: 200 });
    });

    it('gives an event up at once when the receiver refuses it with 400', async () => {
      receiver.answer = () => 400;
      const { application, calls } = await determinationCalls(ELIGIBLE);
      expect(calls).toHaveLength(1);
      expect(await eventRow(verifiedBody(calls[0]).id)).toEqual({ status: 'FAILED', attempts: 1, responseStatus: 400 });
      const job = await queue.getJob(`notify-determination.made-${application.verificationId}`);
      expect(await job?.getState()).toBe('failed');
    });

    it('gives an event up after WEBHOOK_MAX_ATTEMPTS calls that all failed', async () => {
      receiver.answer = () => 503;
      const { calls } = await determinationCalls(ELIGIBLE);
      expect(calls.map((call) => call.attempt)).toEqual([0, 1, 2, 3]);
      expect(await eventRow(verifiedBody(calls[0]).id)).toEqual({ status: 'FAILED', attempts: 4, responseStatus: 503 });
    });

    it('enqueues again, with the same event id, a pending event whose job Redis lost', async () => {
      const { application, calls } = await determinationCalls(ELIGIBLE);
      expect(calls).toHaveLength(1);
      const { id: eventId } = verifiedBody(calls[0]);
      // As if Redis had lost the job before it ran: the job gone, the event still pending.
      await (await queue.getJob(`notify-determination.made-${application.verificationId}`))!.remove();
      await sql(`UPDATE webhook_events SET status = 'PENDING', attempts = 0, response_status = NULL WHERE id = ?`, [eventId]);

      await receiver.waitFor((received) => received.length === 2);
      await quiet(t);
      expect(receiver.calls).toHaveLength(2);
      expect(receiver.calls[1].body).toBe(receiver.calls[0].body);
      expect(verifiedBody(receiver.calls[1]).id).toBe(eventId);
      expect(await eventRow(eventId)).toEqual({ status: 'DELIVERED', attempts: 1, responseStatus: 200 });
    });
  });

  describe('with a webhook that does not answer', () => {
    let receiver: WebhookReceiver;
    let t: TestApp;

    beforeAll(async () => {
      receiver = await startWebhookReceiver();
      t = await startTestApp(kind, {
        WEBHOOK_URL: receiver.url,
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_RETRY_BASE_MS: '200',
        WEBHOOK_TIMEOUT_MS: '500',
      });
    });
    afterAll(async () => {
      await t?.close();
      await receiver?.close();
    });

    it('calls again, with the same event, after a call that timed out', async () => {
      receiver.answer = (call) => (call.attempt === 0 ? 'hang' : 200);
      const { id } = await submitDetermined(t, t.token('intake', 'intake-webhook-hang'), ELIGIBLE);
      await quiet(t);
      const calls = receiver.calls.filter((call) => JSON.parse(call.body).applicationId === id);
      // The first call hung until its timeout; the next was answered (a machine slow enough may time out one more).
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(new Set(calls.map((call) => call.body)).size).toBe(1);
      const [row] = await sqlOf(t)('SELECT status, attempts FROM webhook_events WHERE id = ?', [verifiedBody(calls[0]).id]);
      expect({ status: row.status, attempts: Number(row.attempts) }).toEqual({ status: 'DELIVERED', attempts: calls.length });
    });
  });

  describe('without a webhook', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp(kind);
    });
    afterAll(() => t?.close());

    it('records and queues nothing for a determination or a decision', async () => {
      const intake = t.token('intake', 'intake-no-webhook');
      const reviewer = t.token('reviewer', 'reviewer-no-webhook');
      await submitDetermined(t, intake, ELIGIBLE);
      const review = await submitDetermined(t, intake, NEEDS_REVIEW);
      expect((await t.request('POST', `/v1/reviews/${review.id}/claim`, { token: reviewer })).status).toBe(200);
      const decided = await t.request('POST', `/v1/reviews/${review.id}/decision`, {
        token: reviewer,
        body: { decision: 'APPROVED', reason: REASON },
      });
      expect(decided.status).toBe(200);
      await t.queuesDrained();

      const counts = await t.app.get<Queue>(getQueueToken(QueueName.Notifications)).getJobCounts();
      expect(Object.values(counts).every((count) => count === 0)).toBe(true);
      expect(Number((await sqlOf(t)('SELECT COUNT(*) AS n FROM webhook_events'))[0].n)).toBe(0);
    });
  });

  describe('with Redis down as a decision commits', () => {
    let redis: PrivateRedis;
    let receiver: WebhookReceiver;
    let t: TestApp;

    beforeAll(async () => {
      redis = await privateRedis();
      receiver = await startWebhookReceiver();
      t = await startTestApp(kind, {
        REDIS_URL: redis.url,
        WEBHOOK_URL: receiver.url,
        WEBHOOK_SECRET: SECRET,
        ENQUEUE_WAIT_MS: '200',
        VERIFICATION_REQUEUE_AFTER_MS: '500',
        VERIFICATION_SWEEP_INTERVAL_MS: '250',
      });
    });
    afterAll(async () => {
      await t?.close();
      await receiver?.close();
      await redis?.kill();
    });

    it('records the decision at once and announces it once Redis is back, empty', async () => {
      const intake = t.token('intake', 'intake-redis-down');
      const reviewer = t.token('reviewer', 'reviewer-redis-down');
      const review = await submitDetermined(t, intake, NEEDS_REVIEW);
      await receiver.waitFor((calls) => calls.length === 1);
      expect((await t.request('POST', `/v1/reviews/${review.id}/claim`, { token: reviewer })).status).toBe(200);

      await redis.kill();
      const enqueue = jest.spyOn(t.app.get(NotificationService), 'enqueue');
      const decided = await t.request('POST', `/v1/reviews/${review.id}/decision`, {
        token: reviewer,
        body: { decision: 'APPROVED', reason: REASON },
      });
      expect(decided.status).toBe(200);
      const [pending] = await sqlOf(t)(`SELECT id, status FROM webhook_events WHERE type = 'decision.recorded'`);
      expect(pending.status).toBe('PENDING');
      // The decision committed without Redis; its event's enqueue gave up and left it to the sweeper.
      expect(await enqueue.mock.results[0].value).toBe(false);
      enqueue.mockRestore();

      await redis.start();
      await receiver.waitFor((calls) => calls.length === 2, 30000);
      await quiet(t);
      expect(receiver.calls).toHaveLength(2);
      expect(verifiedBody(receiver.calls[1])).toMatchObject({
        id: pending.id,
        type: 'decision.recorded',
        applicationId: review.id,
        decision: 'APPROVED',
        occurredAt: decided.body.decidedAt,
      });
      const [delivered] = await sqlOf(t)('SELECT status FROM webhook_events WHERE id = ?', [pending.id]);
      expect(delivered.status).toBe('DELIVERED');
    });
  });
});
