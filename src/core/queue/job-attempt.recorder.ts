/** How an attempt of a job ended. */
export type JobAttemptResult = 'completed' | 'failed';

/** What the recorder needs of a BullMQ job: its queue and when the attempt started and ended. */
export interface TimedJobAttempt {
  queueName: string;
  processedOn?: number;
  finishedOn?: number;
}

/**
 * Where the workers report each attempt's duration (ServiceWorkerHost). A port, so that
 * `core` knows nothing of the metrics module that implements it (MetricsModule provides
 * `Metrics` under this token).
 */
export abstract class JobAttemptRecorder {
  abstract jobAttempt(job: TimedJobAttempt, result: JobAttemptResult): void;
}
