import { JobName, type JobItem, type NotificationJobData } from './queue.types.js';

/** Jobs whose ids BullMQ gives: a job scheduler names each firing (`repeat:<scheduler id>:<due time>`). */
export type ScheduledJobName = JobName.StartScheduledReverification;
/** Jobs a producer adds, each with an id derived from its payload. */
export type QueuedJobName = Exclude<JobName, ScheduledJobName>;

export const determinationJobId = (verificationId: string): string => `determine-${verificationId}`;
export const registryCheckJobId = (verificationId: string, source: string): string => `check-${verificationId}-${source}`;
export const runJobId = (runId: string): string => `run-${runId}`;

/** What a webhook event announces: the verification, decision or checkpoint it is about. */
export function notificationSubject(data: NotificationJobData): string {
  if (data.type === 'determination.made') return data.verificationId;
  return data.type === 'decision.recorded' ? data.decisionId : data.checkpointId;
}

/**
 * A job's id, derived from the ids in its payload, so that adding the same work twice (a
 * retry of the caller, the sweeper) adds nothing while the first job exists.
 */
export function jobIdOf(item: JobItem<QueuedJobName>): string {
  switch (item.name) {
    case JobName.DetermineEligibility:
      return determinationJobId(item.data.verificationId);
    case JobName.CheckRegistry:
      return registryCheckJobId(item.data.verificationId, item.data.source);
    case JobName.DeliverWebhook:
      return `notify-${item.data.type}-${notificationSubject(item.data)}`;
    case JobName.AdvanceReverificationRun:
      return runJobId(item.data.runId);
  }
}
