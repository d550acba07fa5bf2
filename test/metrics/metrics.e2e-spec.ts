import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '../../src/core/queue/queue.types.js';
import { startRegistrySimulator, type RegistrySimulator } from '../../src/modules/registries/sandbox/registry-simulator.server.js';
import { QUEUE_STATES } from '../../src/modules/metrics/queue-depth.collector.js';
import { sandboxCase } from '../review/review-steps.js';
import { submitCase } from '../support/sandbox-case-runner.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { parseExposition, samples, valueOf, type Sample } from './exposition.js';

const TOKEN = 'metrics-test-token';
/** An eligible, an ineligible and a review case, on two programmes. */
const CASES = ['dibao-eligible-urban', 'tekun-income-equal-urban-standard', 'name-mismatch'];

/**
 * GET /metrics after a few verifications: every family is there, labelled by route pattern,
 * queue, registry, outcome, programme and action, with values that count what happened. The
 * household registry is reached over HTTP (through the simulator, with one 503 first); the
 * other two are the in-process sandbox, which is not measured.
 */
describe.each(['sqlite', 'postgres'] as const)('metrics, on %s', (kind) => {
  let simulator: RegistrySimulator;
  let t: TestApp;
  let intake: string;

  beforeAll(async () => {
    simulator = await startRegistrySimulator({ token: TOKEN });
    t = await startTestApp(kind, {
      HOUSEHOLD_REGISTRY_URL: simulator.url,
      HOUSEHOLD_REGISTRY_TOKEN: TOKEN,
      REGISTRY_RETRY_BASE_MS: '10',
      REGISTRY_BREAKER_THRESHOLD: '1000',
    });
    intake = t.token('intake', 'intake-metrics');
  });
  afterAll(async () => {
    await t?.close();
    await simulator?.close();
  });

  async function scrape(): Promise<{ text: string; all: Sample[] }> {
    const response = await t.request('GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return { text: response.text, all: parseExposition(response.text) };
  }

  /** Scrapes until `done` holds: a job's `completed` event can trail the queue counts by a moment. */
  async function scrapeUntil(done: (all: Sample[]) => boolean): Promise<{ text: string; all: Sample[] }> {
    for (const deadline = Date.now() + 10000; ;) {
      const result = await scrape();
      if (done(result.all) || Date.now() > deadline) return result;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('counts the requests, jobs, registry calls, determinations and audit events of a few verifications', async () => {
    simulator.setFaults({ registries: { HOUSEHOLD_REGISTRATION: { failFirst: { count: 1, status: 503 } } } });
    const ids: string[] = [];
    for (const key of CASES) ids.push(await submitCase(t, intake, sandboxCase(key)));
    for (const id of ids) await t.waitForDetermination(id, intake);
    for (const id of ids) expect((await t.request('GET', `/v1/applications/${id}`, { token: intake })).status).toBe(200);
    await t.queuesDrained();

    const { text, all } = await scrapeUntil(
      (found) => valueOf(found, 'hedui_job_duration_seconds_count', { queue: QueueName.Determination, result: 'completed' }) === 3,
    );

    expect(valueOf(all, 'hedui_determinations_total', { outcome: 'ELIGIBLE', program: 'MINIMUM_LIVING_ALLOWANCE' })).toBe(1);
    expect(valueOf(all, 'hedui_determinations_total', { outcome: 'INELIGIBLE', program: 'EXTREME_POVERTY_SUPPORT' })).toBe(1);
    expect(valueOf(all, 'hedui_determinations_total', { outcome: 'NEEDS_REVIEW', program: 'MINIMUM_LIVING_ALLOWANCE' })).toBe(1);
    expect(samples(all, 'hedui_determinations_total')).toHaveLength(3);

    const http = (labels: Record<string, string>) => valueOf(all, 'hedui_http_request_duration_seconds_count', labels);
    expect(http({ method: 'POST', route: '/v1/applications', status_code: '202' })).toBe(3);
    expect(http({ method: 'GET', route: '/v1/applications/:id', status_code: '200' })).toBeGreaterThanOrEqual(6);
    expect(
      valueOf(all, 'hedui_http_request_duration_seconds_bucket', {
        method: 'POST',
        route: '/v1/applications',
        status_code: '202',
        le: '+Inf',
      }),
    ).toBe(3);
    for (const id of ids) expect(text).not.toContain(id);

    for (const queue of Object.values(QueueName).filter((name) => name.endsWith('Registry') || name === QueueName.Determination)) {
      expect(valueOf(all, 'hedui_job_duration_seconds_count', { queue, result: 'completed' })).toBe(3);
      expect(valueOf(all, 'hedui_job_duration_seconds_sum', { queue, result: 'completed' })).toBeGreaterThan(0);
    }

    const registry = (labels: Record<string, string>) =>
      valueOf(all, 'hedui_registry_request_duration_seconds_count', { registry: 'HOUSEHOLD_REGISTRATION', ...labels });
    // As many as the registry received (lookups of several applications may share a call).
    const received = (path: string, status: number) =>
      simulator.log('HOUSEHOLD_REGISTRATION').filter((call) => call.path === path && call.status === status).length;
    expect(registry({ operation: 'searchPersons', outcome: '5xx' })).toBe(1);
    expect(received('/household-registration/v1/persons/search', 503)).toBe(1);
    expect(registry({ operation: 'searchPersons', outcome: 'ok' })).toBe(received('/household-registration/v1/persons/search', 200));
    expect(registry({ operation: 'searchHouseholds', outcome: 'ok' })).toBe(received('/household-registration/v1/households/search', 200));
    expect(registry({ operation: 'searchHouseholds', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    // The sandbox answers the other two in-process: no request, nothing measured.
    expect(samples(all, 'hedui_registry_request_duration_seconds_count').map((sample) => sample.labels.registry)).toEqual(
      expect.not.arrayContaining(['VEHICLE_REGISTRATION', 'BUSINESS_REGISTRATION']),
    );

    const audit = (action: string) => valueOf(all, 'hedui_audit_events_total', { action });
    expect(audit('APPLICATION_SUBMITTED')).toBe(3);
    expect(audit('VERIFICATION_REQUESTED')).toBe(3);
    expect(audit('REGISTRY_CONSULTED')).toBe(9);
    expect(audit('DETERMINATION_MADE')).toBe(3);
    expect(audit('APPLICATION_READ')).toBeGreaterThanOrEqual(6);

    // The process's default metrics are collected on the same registry.
    expect(valueOf(all, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(samples(all, 'nodejs_heap_size_used_bytes')).toHaveLength(1);
  });

  it('reads every queue’s depth by state at scrape time', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Determination));
    const job = await queue.add('depth-probe', { verificationId: randomUUID(), correlationId: randomUUID() }, { delay: 10 * 60_000 });
    try {
      const { all } = await scrape();
      for (const name of Object.values(QueueName)) {
        expect(valueOf(all, 'hedui_queue_counts_up', { queue: name })).toBe(1);
        for (const state of QUEUE_STATES) expect(valueOf(all, 'hedui_queue_jobs', { queue: name, state })).toEqual(expect.any(Number));
      }
      expect(valueOf(all, 'hedui_queue_jobs', { queue: QueueName.Determination, state: 'delayed' })).toBe(1);
    } finally {
      await job.remove();
    }
    expect(valueOf((await scrape()).all, 'hedui_queue_jobs', { queue: QueueName.Determination, state: 'delayed' })).toBe(0);
  });

  it('labels a request that matched no route "unmatched", not with its URL', async () => {
    const id = randomUUID();
    expect((await t.request('GET', `/no-such-route/${id}`)).status).toBe(404);
    const { text, all } = await scrape();
    expect(valueOf(all, 'hedui_http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status_code: '404' })).toBe(1);
    expect(text).not.toContain(id);
  });
});

describe('metrics in a worker process', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('sqlite', { SERVICE_MODE: 'worker' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves /metrics, with the queue depths, beside /health and nothing else', async () => {
    const response = await t.request('GET', '/metrics');
    expect(response.status).toBe(200);
    const all = parseExposition(response.text);
    expect(valueOf(all, 'hedui_queue_counts_up', { queue: QueueName.Determination })).toBe(1);
    expect((await t.request('GET', '/v1/applications', { token: t.token('intake') })).status).toBe(404);
  });
});
