import { Processor } from '@nestjs/bullmq';
import { Injectable, type Type } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import type { JobHandlers } from '../../core/queue/job-handlers.js';
import { JobName, type TypedJob } from '../../core/queue/queue.types.js';
import { ServiceWorkerHost } from '../../core/queue/service-worker.host.js';
import { SourceCheckService } from './source-check.service.js';

/**
 * Runs the checks of one registry's queue; one subclass per queue (registryCheckProcessor), so each can be tuned apart.
 *
 * The registry's call quota and the holds of its 429s are kept by its HTTP client, across
 * every process. A check whose attempts all met 429 is not recorded as unavailable but put
 * back on the queue, delayed by the `Retry-After` the registry asked for (BullMQ's
 * `DelayedError`, which counts no failed attempt); its record stays PENDING, so the
 * determination keeps waiting for it. After `REGISTRY_RATE_LIMIT_DEFERRALS` such returns it
 * is recorded as unavailable, so that a registry that never stops refusing still ends as
 * SOURCE_UNAVAILABLE.
 */
@Injectable()
export abstract class RegistryCheckProcessor extends ServiceWorkerHost<JobName.CheckRegistry> {
  constructor(
    private readonly checks: SourceCheckService,
    config: AppConfig,
  ) {
    super(config);
  }

  protected readonly handlers: JobHandlers<JobName.CheckRegistry> = {
    [JobName.CheckRegistry]: (job, token) => this.check(job, token),
  };

  private async check(job: TypedJob<JobName.CheckRegistry>, token?: string): Promise<void> {
    const mayDefer = token !== undefined && deferralsOf(job) < this.config.REGISTRY_RATE_LIMIT_DEFERRALS;
    // A re-verification run's checks are prioritized behind new applications' (RUN_PRIORITY), in the registry's calls too.
    const lane = job.opts.priority ? 'background' : 'intake';
    const outcome = await this.checks.run(job.data.verificationId, job.data.source, job.data.correlationId, { mayDefer, lane });
    if (!outcome.recorded) {
      const waitMs = Math.min(outcome.retryAfterMs, this.config.REGISTRY_RETRY_AFTER_CAP_MS);
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
  }
}

/**
 * Times the job went back to waiting without failing: BullMQ counts every start, and a
 * deferred return is a start that neither completed nor failed (a stalled run counts too,
 * which only brings the end sooner).
 */
function deferralsOf(job: Job): number {
  return Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
}

/** The worker of one registry's queue. `autorun: false`: ServiceWorkerHost starts it once its options are set. */
export function registryCheckProcessor(queue: string): Type<RegistryCheckProcessor> {
  @Processor(queue, { autorun: false })
  class Worker extends RegistryCheckProcessor {}
  // Its logger and Nest's provider list name it after its queue.
  Object.defineProperty(Worker, 'name', { value: `${queue}Processor` });
  return Worker;
}
