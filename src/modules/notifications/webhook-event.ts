import { createHash } from 'node:crypto';
import { notificationSubject } from '../../core/queue/job-ids.js';
import type { NotificationJobData } from '../../core/queue/queue.types.js';
import type { Outcome, Program } from '../eligibility/eligibility.types.js';
import type { DecisionValue } from '../review/entities/decision.entity.js';

export type WebhookEventType = NotificationJobData['type'];

/** What a webhook call announces, as read from the database: ids, program, region and result only. */
export type ApplicationFacts = {
  occurredAt: string;
  applicationId: string;
  verificationId: string;
  program: Program;
  regionCode: string;
} & ({ outcome: Outcome } | { decision: DecisionValue });

/** What a witness is sent of a signed audit checkpoint: the compact JWS, and its payload for convenience. */
export interface CheckpointFacts {
  occurredAt: string;
  origin: string;
  sequence: number;
  hash: string;
  checkpoint: string;
}

export type WebhookFacts = ApplicationFacts | CheckpointFacts;

/** The UUID namespace of Hedui's webhook event ids (RFC 9562 version 5). */
const EVENT_ID_NAMESPACE = Buffer.from('9a40dc659c894f4690bbca14f08a5d31', 'hex');

/**
 * The id of the event that announces `subjectId` (a verification's determination, or a
 * decision): a name-based UUID, so that the submission, the sweeper and every retry give
 * the receiver the same id to de-duplicate on, without storing it anywhere first.
 */
export function webhookEventId(type: WebhookEventType, subjectId: string): string {
  const bytes = createHash('sha1').update(EVENT_ID_NAMESPACE).update(`${type}:${subjectId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The verification, decision or checkpoint an event announces. */
export const subjectOf = notificationSubject;

/** The job data of an event, from its type and subject. */
export function notificationJobData(type: WebhookEventType, subjectId: string, correlationId: string): NotificationJobData {
  const eventId = webhookEventId(type, subjectId);
  if (type === 'determination.made') return { eventId, type, verificationId: subjectId, correlationId };
  return type === 'decision.recorded'
    ? { eventId, type, decisionId: subjectId, correlationId }
    : { eventId, type, checkpointId: subjectId, correlationId };
}

/** The body of the call, keys in a fixed order; the same bytes on every retry. */
export function webhookBody(eventId: string, type: WebhookEventType, facts: WebhookFacts): string {
  if ('checkpoint' in facts) {
    const { occurredAt, origin, sequence, hash, checkpoint } = facts;
    return JSON.stringify({ id: eventId, type, occurredAt, origin, sequence, hash, checkpoint });
  }
  const { occurredAt, applicationId, verificationId, program, regionCode } = facts;
  const result = 'outcome' in facts ? { outcome: facts.outcome } : { decision: facts.decision };
  return JSON.stringify({ id: eventId, type, occurredAt, applicationId, verificationId, program, regionCode, ...result });
}
