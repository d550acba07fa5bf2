import { Processor } from '@nestjs/bullmq';
import { DelayedError, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import type { JobHandlers } from '../../core/queue/job-handlers.js';
import { JobName, QueueName, type TypedJob } from '../../core/queue/queue.types.js';
import { ServiceWorkerHost } from '../../core/queue/service-worker.host.js';
import { type Program, PROGRAMS } from '../eligibility/eligibility.types.js';
import { ReverificationRunner } from './reverification-runner.js';
import { ReverificationRunsService } from './reverification-runs.service.js';

/** How long a run waits, while too many of its verifications are pending, before it looks again. */
export const RUN_WAIT_MS = 2000;

type ReverificationJobName = JobName.StartScheduledReverification | JobName.AdvanceReverificationRun;

/**
 * The Reverification queue: a scheduler's firing starts a run; a run's job takes one step and,
 * unless the run has selected all its households, puts itself back on the queue (DelayedError:
 * no attempt is used up), so that no job runs for long, a shutdown never waits on a run, and
 * several runs take turns.
 */
// `autorun: false`: ServiceWorkerHost starts the worker once its options are set.
@Processor(QueueName.Reverification, { autorun: false })
export class ReverificationProcessor extends ServiceWorkerHost<ReverificationJobName> {
  constructor(
    private readonly runs: ReverificationRunsService,
    private readonly runner: ReverificationRunner,
    config: AppConfig,
  ) {
    super(config);
  }

  protected readonly handlers: JobHandlers<ReverificationJobName> = {
    [JobName.StartScheduledReverification]: (job) => this.startScheduled(job),
    [JobName.AdvanceReverificationRun]: (job) => this.advance(job),
  };

  private async startScheduled(job: TypedJob<JobName.StartScheduledReverification>): Promise<void> {
    const { program } = job.data;
    // A scheduler stored in Redis may fire for a programme this version no longer has.
    if (!isProgram(program)) throw new UnrecoverableError(`Unknown programme ${program}`);
    // A scheduler's job id names its firing: `repeat:<scheduler id>:<due time>`.
    await this.runs.startScheduled(program, String(job.id));
  }

  private async advance(job: TypedJob<JobName.AdvanceReverificationRun>): Promise<void> {
    const step = await this.runner.step(job.data.runId);
    if (step === 'SELECTED') return;
    await job.moveToDelayed(Date.now() + (step === 'WAITING' ? RUN_WAIT_MS : 0), job.token);
    throw new DelayedError();
  }
}

function isProgram(value: string): value is Program {
  return PROGRAMS.some((program) => program === value);
}
