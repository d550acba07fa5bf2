import type { Job } from 'bullmq';

/** The service's queues; one per registry, so that each can get its own concurrency and rate limit (registry-plugins.ts). */
export enum QueueName {
  Determination = 'Determination',
  HouseholdRegistry = 'HouseholdRegistry',
  VehicleRegistry = 'VehicleRegistry',
  BusinessRegistry = 'BusinessRegistry',
  /** Webhook calls announcing determinations and decisions. */
  Notifications = 'Notifications',
  /** Periodic re-verification: the schedulers' jobs and each run's steps. */
  Reverification = 'Reverification',
}

export enum JobName {
  DetermineEligibility = 'DetermineEligibility',
  CheckRegistry = 'CheckRegistry',
  DeliverWebhook = 'DeliverWebhook',
  /** Fired by a programme's job scheduler: starts a run over the households due for re-verification. */
  StartScheduledReverification = 'StartScheduledReverification',
  /** One step of a re-verification run: the next page of households, recorded and enqueued. */
  AdvanceReverificationRun = 'AdvanceReverificationRun',
}

/** Job payloads carry ids only: BullMQ keeps them in Redis in clear text. */
export interface VerificationJobData {
  verificationId: string;
  correlationId: string;
}

export interface CheckRegistryJobData extends VerificationJobData {
  /** The registry's source name (RegistryPlugin.source). */
  source: string;
}

/** A webhook event: its id and what it announces; the processor reads the rest from the database. */
export type NotificationJobData = { eventId: string; correlationId: string } & (
  | { type: 'determination.made'; verificationId: string }
  | { type: 'decision.recorded'; decisionId: string }
  /** A signed checkpoint of the audit log, sent to the witness (AUDIT_WITNESS_URL). */
  | { type: 'audit.checkpoint'; checkpointId: string }
);

/**
 * The programme a scheduler fires for. A plain string here (`core` knows no programmes): the
 * processor checks it against the programmes it knows, since a scheduler stored in Redis may
 * outlive a programme.
 */
export interface ScheduledReverificationJobData {
  program: string;
  correlationId: string;
}

export interface ReverificationRunJobData {
  runId: string;
  correlationId: string;
}

/** Every job of the service: its payload and what its handler answers. */
export interface JobMap {
  [JobName.DetermineEligibility]: { data: VerificationJobData; result: void };
  [JobName.CheckRegistry]: { data: CheckRegistryJobData; result: void };
  [JobName.DeliverWebhook]: { data: NotificationJobData; result: void };
  [JobName.StartScheduledReverification]: { data: ScheduledReverificationJobData; result: void };
  [JobName.AdvanceReverificationRun]: { data: ReverificationRunJobData; result: void };
}

export type JobData<N extends JobName> = JobMap[N]['data'];
export type JobResultOf<N extends JobName> = JobMap[N]['result'];

/** A job to add: its name and the payload that name takes, so that a wrong payload does not compile. */
export type JobItem<N extends JobName = JobName> = { [K in N]: { name: K; data: JobData<K> } }[N];

/** A BullMQ job of one name, as its handler receives it. */
export type TypedJob<N extends JobName> = Job<JobData<N>, JobResultOf<N>, N>;

/**
 * Where each job runs: a queue of its own, or `registry`: on each registry's queue
 * (RegistryPlugin.queue), one job per registry and verification.
 */
export const JOB_QUEUES: { readonly [K in JobName]: QueueName | 'registry' } = {
  [JobName.DetermineEligibility]: QueueName.Determination,
  [JobName.CheckRegistry]: 'registry',
  [JobName.DeliverWebhook]: QueueName.Notifications,
  [JobName.StartScheduledReverification]: QueueName.Reverification,
  [JobName.AdvanceReverificationRun]: QueueName.Reverification,
};
