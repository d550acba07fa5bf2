import { InjectFlowProducer, InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { FlowProducer, Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '../../core/queue/job-options.js';
import { JobName, QueueName, type VerificationJobData } from '../../core/queue/queue.types.js';
import { REGISTRY_PLUGINS, type RegistryPlugin } from '../registries/registry-plugin.js';
import { registriesOf } from '../registries/registry-plugins.js';

export const VERIFICATION_FLOW = 'verification';

/**
 * The BullMQ priority of every job of a re-verification run's flows. Jobs without a priority
 * (new applications, and re-verifications staff ask for one by one) are taken before any
 * prioritized job, so a run of a whole province never holds up a new application; among
 * themselves, prioritized jobs of one priority are taken in the order they were added.
 */
export const RUN_PRIORITY = 10;

/**
 * Enqueues a verification as one BullMQ flow: a child per registry on that registry's
 * queue, and a parent that determines eligibility once every registry has reported. Job ids are
 * derived from the verification id, so enqueuing the same verification twice adds nothing.
 */
@Injectable()
export class VerificationQueue {
  private readonly registries: readonly RegistryPlugin[];

  constructor(
    @InjectFlowProducer(VERIFICATION_FLOW) private readonly flows: FlowProducer,
    @InjectQueue(QueueName.Determination) private readonly determinations: Queue<VerificationJobData>,
    @Optional() @Inject(REGISTRY_PLUGINS) registries?: readonly RegistryPlugin[],
  ) {
    this.registries = registriesOf(registries);
  }

  /** `priority`: see RUN_PRIORITY; given to the parent and to each child. */
  async enqueue(data: VerificationJobData, priority?: number): Promise<void> {
    const prioritised = priority === undefined ? {} : { priority };
    await this.flows.add({
      name: JobName.DetermineEligibility,
      queueName: QueueName.Determination,
      data,
      opts: { ...DEFAULT_JOB_OPTIONS, ...prioritised, jobId: determinationJobId(data.verificationId) },
      children: this.registries.map(({ source, queue }) => ({
        name: JobName.CheckRegistry,
        queueName: queue,
        data: { ...data, source },
        // A child that fails for good must not hold the parent: the determination closes
        // its check as unavailable and sends the case to review.
        opts: { ...DEFAULT_JOB_OPTIONS, ...prioritised, jobId: `check-${data.verificationId}-${source}`, ignoreDependencyOnFailure: true },
      })),
    });
  }

  /**
   * How many attempts the verification's determination job made, if that job failed for good
   * (stalled too often included); null if it has not failed or is gone.
   */
  async failedDetermination(verificationId: string): Promise<number | null> {
    const job = await this.determinations.getJob(determinationJobId(verificationId));
    return job && (await job.isFailed()) ? job.attemptsMade : null;
  }
}

const determinationJobId = (verificationId: string) => `determine-${verificationId}`;
