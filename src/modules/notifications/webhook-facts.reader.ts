import { Injectable } from '@nestjs/common';
import type { NotificationJobData } from '../../core/queue/queue.types.js';
import { ApplicationRecords } from '../applications/application-records.repository.js';
import { AuditCheckpointsRepository } from '../audit/checkpoint/audit-checkpoints.repository.js';
import { ReviewQueueRepository } from '../review/review-queue.repository.js';
import { VerificationRecords } from '../verification/verification-records.repository.js';
import type { ApplicationFacts, WebhookFacts } from './webhook-event.js';

/** The facts of an application's event before its programme and region are added. */
type OwnFacts = ApplicationFacts extends infer F ? (F extends unknown ? Omit<F, 'program' | 'regionCode'> : never) : never;

/**
 * What a webhook event announces, asked of the modules that own it: the audit log's checkpoint,
 * the verification module's determination, the review module's decision and the applications
 * module's programme and region. Those rows never change once written, so reading them one
 * after another gives the same facts as one query would.
 */
@Injectable()
export class WebhookFactsReader {
  constructor(
    private readonly checkpoints: AuditCheckpointsRepository,
    private readonly verifications: VerificationRecords,
    private readonly reviews: ReviewQueueRepository,
    private readonly applications: ApplicationRecords,
  ) {}

  /** The facts of the event's subject; null if it is gone. */
  async find(data: NotificationJobData): Promise<WebhookFacts | null> {
    if (data.type === 'audit.checkpoint') {
      const checkpoint = await this.checkpoints.findById(data.checkpointId);
      if (!checkpoint) return null;
      const { at: occurredAt, origin, sequence, hash, jws } = checkpoint;
      return { occurredAt, origin, sequence: Number(sequence), hash, checkpoint: jws };
    }
    if (data.type === 'determination.made') {
      const determination = await this.verifications.findDeterminationOf(data.verificationId);
      if (!determination) return null;
      const { determinedAt: occurredAt, applicationId, verificationId, outcome } = determination;
      return this.withApplication({ occurredAt, applicationId, verificationId, outcome });
    }
    const decision = await this.reviews.findDecision(data.decisionId);
    const determination = decision?.determinationId ? await this.verifications.findDetermination(decision.determinationId) : null;
    if (!decision || !determination) return null;
    const { decidedAt: occurredAt, applicationId } = decision;
    return this.withApplication({ occurredAt, applicationId, verificationId: determination.verificationId, decision: decision.decision });
  }

  private async withApplication(facts: OwnFacts): Promise<ApplicationFacts | null> {
    const [application] = await this.applications.findByIds([facts.applicationId]);
    return application ? { ...facts, program: application.program, regionCode: application.regionCode } : null;
  }
}
