import type { RegistrySource } from '../../modules/registries/registry.types.js';

/** One queue per registry, so that each can get its own concurrency and rate limit. */
export enum QueueName {
  Determination = 'Determination',
  HouseholdRegistry = 'HouseholdRegistry',
  VehicleRegistry = 'VehicleRegistry',
  BusinessRegistry = 'BusinessRegistry',
}

export enum JobName {
  DetermineEligibility = 'DetermineEligibility',
  CheckRegistry = 'CheckRegistry',
}

export const QUEUE_OF_SOURCE: Record<RegistrySource, QueueName> = {
  HOUSEHOLD_REGISTRATION: QueueName.HouseholdRegistry,
  VEHICLE_REGISTRATION: QueueName.VehicleRegistry,
  BUSINESS_REGISTRATION: QueueName.BusinessRegistry,
};

/** Job payloads carry ids only: BullMQ keeps them in Redis in clear text. */
export interface VerificationJobData {
  verificationId: string;
  correlationId: string;
}

export interface CheckRegistryJobData extends VerificationJobData {
  source: RegistrySource;
}

export type JobItem =
  { name: JobName.DetermineEligibility; data: VerificationJobData } | { name: JobName.CheckRegistry; data: CheckRegistryJobData };
