import type { FlowJob, FlowJobNode, JobsOptions, Queue } from 'bullmq';
import { type QueuedJobName, type ScheduledJobName, jobIdOf } from './job-ids.js';
import { DEFAULT_JOB_OPTIONS } from './job-options.js';
import type { JobItem } from './queue.types.js';

/** What a producer may set beside the defaults; never the id, which derives from the payload (jobIdOf). */
export type JobOverrides = Pick<JobsOptions, 'priority' | 'attempts' | 'backoff' | 'ignoreDependencyOnFailure'>;

/** A job's options: the service's defaults (attempts, backoff, retention), the producer's overrides, and its id. */
export function jobOptions(item: JobItem<QueuedJobName>, overrides: JobOverrides = {}): JobsOptions {
  return { ...DEFAULT_JOB_OPTIONS, ...overrides, jobId: jobIdOf(item) };
}

/** Adds one job to `queue`, with its id and options from jobOptions. */
export async function addJob(queue: Pick<Queue, 'add'>, item: JobItem<QueuedJobName>, overrides?: JobOverrides): Promise<void> {
  await queue.add(item.name, item.data, jobOptions(item, overrides));
}

/** The parent of a BullMQ flow on `queueName`, with its id and options from jobOptions, waiting for `children`. */
export function flowJob(queueName: string, item: JobItem<QueuedJobName>, overrides: JobOverrides, children: FlowJobNode[]): FlowJob {
  return { name: item.name, queueName, data: item.data, opts: jobOptions(item, overrides), children };
}

/** A child of a flow (flowJob) on `queueName`, with its id and options from jobOptions. */
export function flowChild(queueName: string, item: JobItem<QueuedJobName>, overrides?: JobOverrides): FlowJobNode {
  return { name: item.name, queueName, data: item.data, opts: jobOptions(item, overrides) };
}

/** What a job scheduler fires: the job's name and payload, with the defaults; BullMQ names each firing. */
export function scheduledJob(item: JobItem<ScheduledJobName>): {
  name: string;
  data: JobItem<ScheduledJobName>['data'];
  opts: JobsOptions;
} {
  return { name: item.name, data: item.data, opts: DEFAULT_JOB_OPTIONS };
}
