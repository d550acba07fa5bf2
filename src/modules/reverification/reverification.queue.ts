import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { runJobId } from '../../core/queue/job-ids.js';
import { addJob } from '../../core/queue/job-producer.js';
import { JobName, QueueName, type ReverificationRunJobData } from '../../core/queue/queue.types.js';
import type { ReverificationRunEntity } from './entities/reverification-run.entity.js';

/**
 * Each run has one job, `run-<run id>`: each time it runs it takes the next page of
 * households and puts itself back on the queue, until the run has selected them all. Its id
 * makes enqueuing a run twice harmless.
 */
@Injectable()
export class ReverificationQueue {
  constructor(@InjectQueue(QueueName.Reverification) private readonly queue: Queue<ReverificationRunJobData>) {}

  async enqueueRun(run: Pick<ReverificationRunEntity, 'id' | 'correlationId'>): Promise<void> {
    await addJob(this.queue, { name: JobName.AdvanceReverificationRun, data: { runId: run.id, correlationId: run.correlationId } });
  }

  /**
   * Puts the run's job back on the queue if Redis lost it, or runs it again if it failed for
   * good; true if it did either.
   */
  async restore(run: Pick<ReverificationRunEntity, 'id' | 'correlationId'>): Promise<boolean> {
    const job = await this.queue.getJob(runJobId(run.id));
    if (!job) {
      await this.enqueueRun(run);
      return true;
    }
    if (await job.isFailed()) {
      await job.retry('failed');
      return true;
    }
    return false;
  }
}

export { runJobId };
