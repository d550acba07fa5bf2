import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { UnitOfWork } from '../../core/database/unit-of-work.js';
import { DomainError } from '../../core/errors/domain.error.js';
import { cursorField, decodeCursor, encodeCursor, type Page } from '../../core/http/cursor.js';
import { Clock } from '../../core/time/clock.js';
import { ApplicationsRepository } from '../applications/applications.repository.js';
import { reachOf } from '../applications/applications.service.js';
import { ApplicationRecords } from '../applications/application-records.repository.js';
import type { ApplicationEntity } from '../applications/entities/application.entity.js';
import type { DeterminationEntity } from '../verification/entities/determination.entity.js';
import { AuditLog } from '../audit/audit-log.js';
import { actorOf } from '../audit/audit.types.js';
import type { Principal } from '../auth/principal.js';
import type { Evaluation } from '../eligibility/eligibility.types.js';
import { NotificationService } from '../notifications/notification.service.js';
import { VerificationRecords } from '../verification/verification-records.repository.js';
import type { DecisionRequestDto, ListReviewsQueryDto, ReviewRequestDto } from './dto/review.dto.js';
import type { ReviewItemEntity } from './entities/review-item.entity.js';
import { ReviewQueueRepository } from './review-queue.repository.js';

/** A queued case as the list shows it. */
interface ReviewRow {
  item: ReviewItemEntity;
  application: ApplicationEntity;
  determination: DeterminationEntity | null;
}

const conflict = (detail: string) => new DomainError('CONFLICT', detail);

/**
 * The review queue as reviewers work it. Every change, and its audit event, happens in one
 * transaction; an application outside the reviewer's region is not found. Whoever submitted
 * an application may not claim or decide it, whatever roles they hold.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly queue: ReviewQueueRepository,
    private readonly applications: ApplicationsRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly notifications: NotificationService,
    private readonly records: ApplicationRecords,
    private readonly verifications: VerificationRecords,
  ) {}

  async list(principal: Principal, query: ListReviewsQueryDto, correlationId: string): Promise<Page<ReturnType<typeof toReviewView>>> {
    const after = query.cursor ? decodeCursor(query.cursor, isReviewCursor) : undefined;
    const applications = this.records.applicationsWhere('r.application_id', {
      program: query.program,
      regions: [query.regionCode, principal.region],
    });
    const rows = await this.withApplications(await this.queue.findPage({ status: query.status, applications }, query.limit + 1, after));
    await this.auditLog.record({
      actor: actorOf(principal),
      action: 'REVIEWS_LISTED',
      applicationId: null,
      correlationId,
      outcome: 'SUCCEEDED',
    });
    const now = this.clock.now();
    const items = rows.slice(0, query.limit);
    const last = items.at(-1)?.item;
    return {
      items: items.map((row) => toReviewView(row, now)),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ queuedAt: last.queuedAt, id: last.id }) : null,
    };
  }

  /** Pulls an automatically determined application into the queue. */
  async request(principal: Principal, body: ReviewRequestDto, correlationId: string) {
    const application = await this.reachable(principal, body.applicationId);
    const at = this.clock.now().toISOString();
    return this.unitOfWork.run(async (manager) => {
      // Only an undecided case: a decided one is DECIDED, or IN_REVIEW when a determination came out against its decision.
      const moved = await this.records.transition(manager, [application.id], 'REVIEW_REQUESTED', at);
      if (moved.size === 0)
        throw conflict('Only an application determined ELIGIBLE or INELIGIBLE, and not yet in review, can be pulled into the queue.');
      const determination = await this.verifications.findLatestDetermination(manager, application.id);
      // A DETERMINED application has one: the transition above would have been refused otherwise.
      if (!determination) throw conflict('This application has no determination yet.');
      const item = await this.queue.open(manager, {
        applicationId: application.id,
        determinationId: determination.id,
        origin: 'REQUESTED',
        requestReason: body.reason,
        at,
      });
      await this.auditLog.append(manager, {
        actor: actorOf(principal),
        action: 'REVIEW_REQUESTED',
        applicationId: application.id,
        correlationId,
        outcome: 'PENDING',
      });
      return { applicationId: application.id, status: item.status, queuedAt: item.queuedAt };
    });
  }

  async claim(principal: Principal, applicationId: string, correlationId: string) {
    const application = await this.reachable(principal, applicationId);
    this.refuseOwnApplication(principal, application);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.REVIEW_CLAIM_MINUTES * 60_000).toISOString();
    return this.unitOfWork.run(async (manager) => {
      const item = await this.queue.findPending(manager, applicationId);
      if (!item) throw conflict('This application is not waiting for review.');
      if (!(await this.queue.claim(manager, item.id, principal.sub, now.toISOString(), expiresAt))) {
        throw conflict('Another reviewer holds the claim on this application.');
      }
      await this.auditLog.append(manager, {
        actor: actorOf(principal),
        action: 'REVIEW_CLAIMED',
        applicationId,
        correlationId,
        outcome: 'CLAIMED',
      });
      return { applicationId, claimedBy: principal.sub, claimExpiresAt: expiresAt };
    });
  }

  /**
   * Records the decision beside the determination it settles; the application becomes DECIDED
   * and the decision is the one in force. Only the holder of a live claim may decide.
   */
  async decide(principal: Principal, applicationId: string, body: DecisionRequestDto, correlationId: string) {
    const application = await this.reachable(principal, applicationId);
    this.refuseOwnApplication(principal, application);
    const now = this.clock.now().toISOString();
    return this.unitOfWork.run(async (manager) => {
      const item = await this.queue.findPending(manager, applicationId);
      if (!item) throw conflict('This application is not waiting for a decision (it may have been decided already).');
      if (item.determinationId === null) {
        throw conflict('This application has no determination: its verification failed. Ask for a re-verification first.');
      }
      refuseWithoutLiveClaim(item, principal.sub, now);
      if (!(await this.queue.closeDecided(manager, item.id, principal.sub, now))) {
        throw conflict('The claim on this application ran out or was taken by another reviewer meanwhile; claim it again before deciding.');
      }
      const decision = {
        id: randomUUID(),
        applicationId,
        reviewItemId: item.id,
        determinationId: item.determinationId,
        decision: body.decision,
        reason: body.reason,
        decidedBy: principal.sub,
        decidedAt: now,
      };
      await this.queue.insertDecision(manager, decision);
      // A pending review item means IN_REVIEW; anything else is a change made meanwhile, refused.
      if ((await this.records.transition(manager, [applicationId], 'DECISION_RECORDED', now)).size === 0) {
        throw conflict('This application is no longer in review.');
      }
      await this.auditLog.append(manager, {
        actor: actorOf(principal),
        action: 'DECISION_RECORDED',
        applicationId,
        correlationId,
        outcome: body.decision,
      });
      await this.notifications.decisionRecorded(manager, decision.id, correlationId);
      return { decision: decision.decision, reason: decision.reason, decidedBy: decision.decidedBy, decidedAt: decision.decidedAt };
    });
  }

  /** Each item with its application and determination: one query for each kind, for the whole page. */
  private async withApplications(items: ReviewItemEntity[]): Promise<ReviewRow[]> {
    const applications = await this.records.findByIds([...new Set(items.map((item) => item.applicationId))]);
    const determinationIds = items.flatMap((item) => (item.determinationId ? [item.determinationId] : []));
    const determinations = await this.verifications.findDeterminations([...new Set(determinationIds)]);
    const applicationOf = new Map(applications.map((application) => [application.id, application]));
    const determinationOf = new Map(determinations.map((determination) => [determination.id, determination]));
    return items.flatMap((item) => {
      const application = applicationOf.get(item.applicationId);
      const determination = item.determinationId ? (determinationOf.get(item.determinationId) ?? null) : null;
      return application ? [{ item, application, determination }] : [];
    });
  }

  private async reachable(principal: Principal, applicationId: string): Promise<ApplicationEntity> {
    const application = await this.applications.findReachable(applicationId, reachOf(principal));
    if (!application) throw DomainError.notFound('The application');
    return application;
  }

  private refuseOwnApplication(principal: Principal, application: ApplicationEntity): void {
    if (application.submittedBy === principal.sub) {
      throw conflict('Four eyes: whoever submitted an application may not review it.');
    }
  }
}

/**
 * A decision is made under a claim of the decider's own that has not run out, so that two
 * reviewers never decide one case unknowingly and a claim left for hours is looked at again.
 * Each refusal says what to do, for the review console to show.
 */
function refuseWithoutLiveClaim(item: ReviewItemEntity, decider: string, now: string): void {
  const live = item.claimExpiresAt !== null && item.claimExpiresAt > now;
  if (item.claimedBy === decider && live) return;
  if (item.claimedBy === decider) {
    throw conflict(`Your claim on this application expired at ${item.claimExpiresAt}; claim it again before deciding.`);
  }
  if (item.claimedBy !== null && live) throw conflict('Another reviewer holds the claim on this application.');
  throw conflict('Claim this application before deciding it: a decision needs a live claim of your own (POST /v1/reviews/{id}/claim).');
}

function toReviewView({ item, application, determination }: ReviewRow, now: Date) {
  const evaluation = determination ? (JSON.parse(determination.evaluation) as Evaluation) : null;
  const claimed = item.claimedBy !== null && item.claimExpiresAt !== null && item.claimExpiresAt > now.toISOString();
  return {
    applicationId: application.id,
    program: application.program,
    regionCode: application.regionCode,
    applicationStatus: application.status,
    reviewStatus: item.status,
    origin: item.origin,
    requestReason: item.requestReason,
    outcome: evaluation?.outcome ?? null,
    findingCodes: [...new Set(evaluation?.findings.map((finding) => finding.code))],
    queuedAt: item.queuedAt,
    ageSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(item.queuedAt)) / 1000)),
    claimedBy: claimed ? item.claimedBy : null,
    claimExpiresAt: claimed ? item.claimExpiresAt : null,
  };
}

function isReviewCursor(value: unknown): value is { queuedAt: string; id: string } {
  const candidate = value as { queuedAt?: unknown; id?: unknown } | null;
  return cursorField.timestamp(candidate?.queuedAt) && cursorField.uuid(candidate?.id);
}
