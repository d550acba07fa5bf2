import type { Job } from 'bullmq';

/**
 * Whether a failed attempt was the job's last: BullMQ will not run it again, because the error
 * said retrying cannot help (`UnrecoverableError`) or its attempts are used up.
 */
export function failedForGood(job: Pick<Job, 'attemptsMade' | 'opts'>, error: Error): boolean {
  return error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
}
