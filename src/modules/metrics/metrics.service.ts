import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { JobAttemptRecorder, JobAttemptResult, TimedJobAttempt } from '../../core/queue/job-attempt.recorder.js';
import type { RegistryAttempt } from '../registries/http/registry-http.client.js';

/** Seconds; registry checks can spend several timeouts and back-offs, so the job buckets reach two minutes. */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** What a job attempt came to, as the worker reports it. */
export type JobResult = JobAttemptResult;

/**
 * The service's Prometheus instruments, on a registry of this application's own rather than
 * prom-client's global one: a second application in the same process (the tests start many)
 * then registers its own instruments instead of throwing on the names already taken. The
 * process's default metrics (CPU, memory, event loop, GC) are collected on it too.
 *
 * Labels are bounded sets only (route patterns, queue names, outcomes, programmes, audit
 * actions), never an id, a URL or anything personal.
 */
@Injectable()
export class Metrics implements JobAttemptRecorder {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'hedui_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code, with their duration.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });

  private readonly jobDuration = new Histogram({
    name: 'hedui_job_duration_seconds',
    help: 'Job attempts by queue and result (completed or failed), with their duration.',
    labelNames: ['queue', 'result'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });

  private readonly registryDuration = new Histogram({
    name: 'hedui_registry_request_duration_seconds',
    help: 'Requests to the registries over HTTP by registry, operation and outcome, with their duration (0 for breaker_open: not sent).',
    labelNames: ['registry', 'operation', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly determinations = new Counter({
    name: 'hedui_determinations_total',
    help: 'Determinations stored, by outcome and programme.',
    labelNames: ['outcome', 'program'] as const,
    registers: [this.registry],
  });

  private readonly auditEvents = new Counter({
    name: 'hedui_audit_events_total',
    help: 'Audit events appended (counted once their transaction has committed), by action.',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });

  private readonly auditSealLag = new Histogram({
    name: 'hedui_audit_seal_lag_seconds',
    help: 'Audit events sealed by this process, with the time from the event to its seal.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The exposition of every instrument, in Prometheus text format. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  httpRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  /** A job attempt that ended: `processedOn` is when this attempt started, `finishedOn` is set only once the job is done for good. */
  jobAttempt(job: TimedJobAttempt, result: JobResult): void {
    if (job.processedOn === undefined) return;
    const seconds = Math.max(0, (job.finishedOn ?? Date.now()) - job.processedOn) / 1000;
    this.jobDuration.observe({ queue: job.queueName, result }, seconds);
  }

  registryAttempt(attempt: RegistryAttempt): void {
    this.registryDuration.observe(
      { registry: attempt.source, operation: attempt.operation, outcome: attempt.outcome },
      attempt.durationMs / 1000,
    );
  }

  determinationStored(outcome: string, program: string): void {
    this.determinations.inc({ outcome, program });
  }

  auditAppended(actions: readonly string[]): void {
    for (const action of actions) this.auditEvents.inc({ action });
  }

  auditSealed(lagSeconds: readonly number[]): void {
    for (const seconds of lagSeconds) this.auditSealLag.observe(seconds);
  }
}
