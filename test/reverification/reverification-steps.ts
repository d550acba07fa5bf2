import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS } from '../../src/core/queue/job-options.js';
import { JobName, QueueName } from '../../src/core/queue/queue.types.js';
import { Clock } from '../../src/core/time/clock.js';
import type { Program } from '../../src/modules/eligibility/eligibility.types.js';
import { BUILT_IN_REGISTRIES } from '../../src/modules/registries/registry-plugins.js';
import { monthsBefore } from '../../src/modules/reverification/reverification-due.js';
import type { TestApp, TestResponse } from '../support/test-app.js';

/**
 * Moves the service's clock `months` calendar months ahead of the real time (0: back to it).
 * The clock is the one instance every part of the service reads, so this is the service's own
 * notion of now, not a test double.
 */
export function setClockMonthsAhead(t: TestApp, months: number): void {
  const clock = t.app.get(Clock) as Clock & { now?: () => Date };
  if (months === 0) delete (clock as { now?: unknown }).now;
  else Object.defineProperty(clock, 'now', { configurable: true, value: () => monthsBefore(new Date(), -months) });
}

/** Claims and approves a case in the review queue, as a reviewer other than its submitter. */
export async function approve(t: TestApp, reviewer: string, applicationId: string): Promise<void> {
  const claim = await t.request('POST', `/v1/reviews/${applicationId}/claim`, { token: reviewer });
  if (claim.status !== 200) throw new Error(`claim: ${claim.status} ${claim.text}`);
  const decision = await t.request('POST', `/v1/reviews/${applicationId}/decision`, {
    token: reviewer,
    body: { decision: 'APPROVED', reason: 'Household visited; the documents agree with the registries.' },
  });
  if (decision.status !== 200) throw new Error(`decision: ${decision.status} ${decision.text}`);
}

export function reverificationQueue(t: TestApp): Queue {
  return t.app.get<Queue>(getQueueToken(QueueName.Reverification));
}

/** The four queues a verification's flow uses. */
export function verificationQueues(t: TestApp): Queue[] {
  return [QueueName.Determination, ...BUILT_IN_REGISTRIES.map((registry) => registry.queue)].map((name) =>
    t.app.get<Queue>(getQueueToken(name)),
  );
}

/**
 * Adds the job a programme's scheduler fires, with the id a scheduler would give it, and
 * answers the id of the run it starts.
 */
export async function fireSchedule(t: TestApp, program: Program, firing: string): Promise<string> {
  const jobId = `repeat:reverify-${program}:${firing}`;
  await reverificationQueue(t).add(
    JobName.StartScheduledReverification,
    { program, correlationId: `reverify-${program}` },
    { ...DEFAULT_JOB_OPTIONS, jobId },
  );
  const runId = await until(async () => (await runsWhere(t, 'schedule_key = $1', [jobId]))[0]?.id, `a run for ${jobId}`);
  return runId;
}

/** Rows of reverification_runs matching a condition written with $1, $2 … (rewritten for SQLite). */
export async function runsWhere(
  t: TestApp,
  condition: string,
  parameters: unknown[] = [],
): Promise<Array<{ id: string; trigger: string; program: string }>> {
  return query(t, `SELECT id, "trigger", program FROM reverification_runs WHERE ${condition} ORDER BY created_at`, parameters);
}

/** How many verifications the run started, per application. */
export async function verificationsOfRun(t: TestApp, runId: string): Promise<Record<string, number>> {
  const rows = await query<{ application_id: string; n: string | number }>(
    t,
    'SELECT application_id, COUNT(*) AS n FROM verifications WHERE run_id = $1 GROUP BY application_id',
    [runId],
  );
  return Object.fromEntries(rows.map((row) => [row.application_id, Number(row.n)]));
}

export async function query<T = any>(t: TestApp, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const dataSource = t.app.get(DataSource);
  const portable = dataSource.options.type === 'postgres' ? sql : sql.replace(/\$\d+/g, '?');
  return dataSource.query(portable, parameters);
}

/** Polls GET /v1/reverification-runs/{id} until `done` says so. */
export async function waitForRun(t: TestApp, id: string, token: string, done: (body: any) => boolean, timeoutMs = 30000): Promise<any> {
  let last: TestResponse | undefined;
  return until(
    async () => {
      last = await t.request('GET', `/v1/reverification-runs/${id}?limit=100`, { token });
      if (last.status !== 200) throw new Error(`GET run ${id}: ${last.status} ${last.text}`);
      return done(last.body) ? last.body : undefined;
    },
    `run ${id} to settle`,
    timeoutMs,
    () => JSON.stringify(last?.body),
  );
}

export const completed = (body: any) => body.status === 'COMPLETED';

export async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30000, state?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${state ? `: ${state()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
