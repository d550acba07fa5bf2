import type { Program } from '../../modules/eligibility/eligibility.types.js';

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

/** The programme a scheduler fires for. */
export interface ScheduledReverificationJobData {
  program: Program;
  correlationId: string;
}

export interface ReverificationRunJobData {
  runId: string;
  correlationId: string;
}

export type JobItem =
  | { name: JobName.DetermineEligibility; data: VerificationJobData }
  | { name: JobName.CheckRegistry; data: CheckRegistryJobData }
  | { name: JobName.DeliverWebhook; data: NotificationJobData }
  | { name: JobName.StartScheduledReverification; data: ScheduledReverificationJobData }
  | { name: JobName.AdvanceReverificationRun; data: ReverificationRunJobData };
