import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app.config.js';
import { enqueuedWithin } from '../../core/queue/enqueued-within.js';
import type { VerificationEntity } from './entities/verification.entity.js';
import { RUN_PRIORITY, VerificationQueue } from './verification.queue.js';
import { VerificationRepository } from './verification.repository.js';

export interface VerificationRequest {
  id: string;
  applicationId: string;
  sequence: number;
  policyVersion: string;
  requestedBy: string;
  correlationId: string;
  at: string;
  /** The re-verification run asking for it, if any. */
  runId?: string;
}

/**
 * Starts verifications. A verification is first recorded, with the caller's transaction: the
 * pending row is what guarantees it will run. Enqueuing it afterwards is only the fast path;
 * when Redis is slow or down, the sweeper enqueues it later, and job ids derived from the
 * verification id make any repeat harmless.
 */
@Injectable()
export class VerificationService {
  private readonly logger = new Logger(VerificationService.name);

  constructor(
    private readonly repository: VerificationRepository,
    private readonly queue: VerificationQueue,
    private readonly config: AppConfig,
  ) {}

  async record(manager: EntityManager, request: VerificationRequest): Promise<VerificationEntity> {
    const [verification] = await this.recordAll(manager, [request]);
    return verification;
  }

  /** Records pending verifications, inside the caller's transaction. */
  async recordAll(manager: EntityManager, requests: VerificationRequest[]): Promise<VerificationEntity[]> {
    const verifications = requests.map((request): VerificationEntity => ({
      id: request.id,
      applicationId: request.applicationId,
      sequence: request.sequence,
      policyVersion: request.policyVersion,
      status: 'PENDING',
      requestedBy: request.requestedBy,
      correlationId: request.correlationId,
      createdAt: request.at,
      completedAt: null,
      runId: request.runId ?? null,
    }));
    await this.repository.addVerifications(manager, verifications);
    return verifications;
  }

  /**
   * Enqueues a recorded verification if Redis takes it promptly; never fails the caller. One a
   * re-verification run started queues behind new applications (RUN_PRIORITY), however often
   * it is enqueued again.
   */
  async enqueue(verification: Pick<VerificationEntity, 'id' | 'correlationId'> & { runId?: string | null }): Promise<boolean> {
    const enqueued = this.queue.enqueue(
      { verificationId: verification.id, correlationId: verification.correlationId },
      verification.runId ? RUN_PRIORITY : undefined,
    );
    const error = await enqueuedWithin(enqueued, this.config.ENQUEUE_WAIT_MS);
    if (error) {
      this.logger.warn(
        { correlationId: verification.correlationId, verificationId: verification.id, error: error.name },
        'Verification not queued yet; the sweeper will queue it',
      );
    }
    return error === null;
  }
}
