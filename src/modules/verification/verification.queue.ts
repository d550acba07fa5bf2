import { InjectFlowProducer, InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { FlowJob, FlowProducer, Queue } from 'bullmq';
import { MicroBatcher } from '../../core/batching/micro-batcher.js';
import { determinationJobId } from '../../core/queue/job-ids.js';
import { flowChild, flowJob } from '../../core/queue/job-producer.js';
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
 * The flows enqueued at about the same time are added together.
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

  /** The flows that many callers enqueue at about the same time, added in one go (one Redis transaction). */
  private readonly batches = new MicroBatcher(
    async (flows: FlowJob[]) => {
      await this.flows.addBulk(flows);
      return flows.map(() => undefined);
    },
    { maxItems: 100, lingerMs: 0 },
  );

  /** `priority`: see RUN_PRIORITY; given to the parent and to each child. */
  async enqueue(data: VerificationJobData, priority?: number): Promise<void> {
    await this.batches.add(verificationFlow(data, this.registries, priority));
  }

  /**
   * How many attempts the verification's determination job made and when it failed (epoch
   * ms), if that job failed for good (stalled too often included); null if it has not failed
   * or is gone.
   */
  async failedDetermination(verificationId: string): Promise<{ attempts: number; failedAt: number } | null> {
    const job = await this.determinations.getJob(determinationJobId(verificationId));
    return job && (await job.isFailed()) ? { attempts: job.attemptsMade, failedAt: job.finishedOn ?? 0 } : null;
  }
}

/** The flow of one verification: its determination, waiting for a check per registry. */
function verificationFlow(data: VerificationJobData, registries: readonly RegistryPlugin[], priority?: number): FlowJob {
  const prioritised = priority === undefined ? {} : { priority };
  const checks = registries.map(({ source, queue }) =>
    // A child that fails for good must not hold the parent: the determination closes
    // its check as unavailable and sends the case to review.
    flowChild(queue, { name: JobName.CheckRegistry, data: { ...data, source } }, { ...prioritised, ignoreDependencyOnFailure: true }),
  );
  return flowJob(QueueName.Determination, { name: JobName.DetermineEligibility, data }, prioritised, checks);
}
