import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { VerificationEntity } from './entities/verification.entity.js';
import { VerificationQueue } from './verification.queue.js';
import { VerificationRepository } from './verification.repository.js';

export interface VerificationRequest {
  id: string;
  applicationId: string;
  sequence: number;
  policyVersion: string;
  requestedBy: string;
  correlationId: string;
  at: string;
}

/** Starts verifications: recorded with the caller's transaction, then enqueued once it has committed. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly repository: VerificationRepository,
    private readonly queue: VerificationQueue,
  ) {}

  async record(manager: EntityManager, request: VerificationRequest): Promise<VerificationEntity> {
    const verification: VerificationEntity = {
      id: request.id,
      applicationId: request.applicationId,
      sequence: request.sequence,
      policyVersion: request.policyVersion,
      status: 'PENDING',
      requestedBy: request.requestedBy,
      correlationId: request.correlationId,
      createdAt: request.at,
      completedAt: null,
    };
    await this.repository.addVerification(manager, verification);
    return verification;
  }

  enqueue(verification: Pick<VerificationEntity, 'id' | 'correlationId'>): Promise<void> {
    return this.queue.enqueue({ verificationId: verification.id, correlationId: verification.correlationId });
  }
}
