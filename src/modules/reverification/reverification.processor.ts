import { Processor } from '@nestjs/bullmq';
import { DelayedError, type Job } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import { JobName, QueueName, type ReverificationRunJobData, type ScheduledReverificationJobData } from '../../core/queue/queue.types.js';
import { ServiceWorkerHost } from '../../core/queue/service-worker.host.js';
import { ReverificationRunner } from './reverification-runner.js';
import { ReverificationRunsService } from './reverification-runs.service.js';

/** How long a run waits, while too many of its verifications are pending, before it looks again. */
export const RUN_WAIT_MS = 2000;

type ReverificationJob =
  | Job<ScheduledReverificationJobData, void, JobName.StartScheduledReverification>
  | Job<ReverificationRunJobData, void, JobName.AdvanceReverificationRun>;

/**
 * The Reverification queue: a scheduler's firing starts a run; a run's job takes one step and,
 * unless the run has selected all its households, puts itself back on the queue (DelayedError:
 * no attempt is used up), so that no job runs for long, a shutdown never waits on a run, and
 * several runs take turns.
 */
// `autorun: false`: ServiceWorkerHost starts the worker once its options are set.
@Processor(QueueName.Reverification, { autorun: false })
export class ReverificationProcessor extends ServiceWorkerHost<ScheduledReverificationJobData | ReverificationRunJobData> {
  constructor(
    private readonly runs: ReverificationRunsService,
    private readonly runner: ReverificationRunner,
    config: AppConfig,
  ) {
    super(config);
  }

  protected async handle(job: Job<ScheduledReverificationJobData | ReverificationRunJobData>): Promise<void> {
    const typed = job as ReverificationJob;
    if (typed.name === JobName.StartScheduledReverification) {
      // A scheduler's job id names its firing: `repeat:<scheduler id>:<due time>`.
      await this.runs.startScheduled(typed.data.program, String(typed.id));
      return;
    }
    const step = await this.runner.step(typed.data.runId);
    if (step === 'SELECTED') return;
    await job.moveToDelayed(Date.now() + (step === 'WAITING' ? RUN_WAIT_MS : 0), job.token);
    throw new DelayedError();
  }
}
