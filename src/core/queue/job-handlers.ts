import type { Job } from 'bullmq';
import type { JobName, JobResultOf, TypedJob } from './queue.types.js';

/**
 * A processor's handlers, one per job name it takes, each typed by the job map: a handler
 * receives its name's payload and answers its name's result. `token`: the worker's lock on the job.
 */
export type JobHandlers<N extends JobName> = {
  readonly [K in N]: (job: TypedJob<K>, token?: string) => Promise<JobResultOf<K>>;
};

/** Whether `handlers` has a handler for `name`. */
export function handlesJob<N extends JobName>(handlers: JobHandlers<N>, name: string): name is N {
  return Object.hasOwn(handlers, name);
}

/**
 * Whether a job fetched from Redis is one of `name`. Its payload is taken on trust: only the
 * service's own producers (job-producer.ts), typed by the same map, add jobs.
 */
export function isJobNamed<K extends JobName>(job: Job, name: K): job is TypedJob<K> {
  return job.name === name;
}
