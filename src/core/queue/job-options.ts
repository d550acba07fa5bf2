import type { JobsOptions } from 'bullmq';

/**
 * Defaults for every job, in one place. Registry calls retry inside the adapter within the
 * policy's budget; these attempts cover the service's own faults (a database hiccup).
 * Finished jobs are trimmed so that Redis memory stays flat under a province's caseload.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
  removeOnComplete: { age: 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
