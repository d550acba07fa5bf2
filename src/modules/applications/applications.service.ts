import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MicroBatcher } from '../../core/batching/micro-batcher.js';
import { databaseUnavailable } from '../../core/database/database-unavailable.js';
import { DomainError, type FieldProblem } from '../../core/errors/domain.error.js';
import { canonicalJson, sha256Hex } from '../../core/json/canonical-json.js';
import { yuanTextToFen } from '../../core/money/fen.js';
import { regionCovers } from '../../core/region/region-scope.js';
import { Clock } from '../../core/time/clock.js';
import { AuditLog } from '../audit/audit-log.js';
import { actorOf, type AuditActor, type AuditRecord } from '../audit/audit.types.js';
import type { Principal } from '../auth/principal.js';
import { ReviewQueueRepository } from '../review/review-queue.repository.js';
import { PolicyCatalog } from '../eligibility/policy/policy-catalog.js';
import type { VerificationEntity } from '../verification/entities/verification.entity.js';
import { VerificationService, type VerificationRequest } from '../verification/verification.service.js';
import { INITIAL_STATUS } from './application-lifecycle.js';
import { ApplicationRecords } from './application-records.repository.js';
import { ApplicationsRepository, type Reach } from './applications.repository.js';
import type { CreateApplicationRequestDto } from './dto/create-application.request.dto.js';
import type { ApplicationMemberEntity } from './entities/application-member.entity.js';
import { ApplicationEntity } from './entities/application.entity.js';

/** Who asks for a re-verification, and how it fits in with the rest of the caller's work. */
export interface ReverificationRequest {
  actor: AuditActor;
  /** Stored as the verification's `requestedBy`; also the reviewer whose own claim does not block it. */
  requestedBy: string;
  correlationId: string;
  /** `return`: a pending review is closed (REVIEW_RETURNED) unless another reviewer claimed it; `keep`: it is left alone, and the request is a CONFLICT. */
  pendingReview: 'return' | 'keep';
  /** The re-verification run asking for it; its jobs queue behind new applications'. */
  runId?: string;
  /** Refuse (CONFLICT) if a reviewer's decision stands on the application, checked again inside the transaction. */
  refuseIfDecided?: boolean;
  /** More writes for the same transaction, before its audit events (a run's record of the household). */
  alongside?: (manager: EntityManager, verification: VerificationEntity) => Promise<void>;
}

/** What one submission stores: the application, its members, its first verification and their audit events. */
interface Submission {
  application: ApplicationEntity;
  members: ApplicationMemberEntity[];
  verification: VerificationRequest;
  events: AuditRecord[];
}

export interface Accepted {
  id: string;
  status: 'RECEIVED';
}

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly repository: ApplicationsRepository,
    private readonly verifications: VerificationService,
    private readonly policies: PolicyCatalog,
    private readonly clock: Clock,
    private readonly auditLog: AuditLog,
    private readonly reviewQueue: ReviewQueueRepository,
    private readonly records: ApplicationRecords,
  ) {}

  /**
   * The submissions that arrive at about the same time, stored in one transaction: one
   * statement for each kind of row. One that cannot be stored (an Idempotency-Key another
   * submission took meanwhile) fails alone: the batch is then stored one by one.
   */
  private readonly intake = new MicroBatcher((submissions: Submission[]) => this.store(submissions), {
    maxItems: 50,
    lingerMs: 0,
    isolate: (error) => !databaseUnavailable(error),
  });

  /**
   * Stores the application, its members and its first verification in one transaction, then
   * enqueues the verification. A repeated Idempotency-Key with the same body answers as the
   * first time and stores nothing; with another body it is refused.
   */
  async submit(
    principal: Principal,
    body: CreateApplicationRequestDto,
    idempotencyKey: string | undefined,
    correlationId: string,
  ): Promise<Accepted> {
    // First of all, before an Idempotency-Key can answer with an earlier submission.
    refuseOutsideRegion(principal, body.regionCode);
    const today = this.clock.today();
    const applicationDate = body.applicationDate ?? today;
    checkHousehold(body, applicationDate, today);
    const policy = this.policies.select(body.regionCode, applicationDate);
    if (!policy) {
      throw new DomainError('UNPROCESSABLE', 'No policy version covers this region on the application date.', [
        {
          path: body.applicationDate ? 'applicationDate' : 'regionCode',
          message: `no policy version covers region ${body.regionCode} on ${applicationDate}`,
        },
      ]);
    }

    const requestSha256 = sha256Hex(canonicalJson(body));
    if (idempotencyKey) {
      const earlier = await this.repository.findByIdempotencyKey(principal.sub, idempotencyKey);
      if (earlier) return answerRepeat(earlier, requestSha256);
    }

    const now = this.clock.now().toISOString();
    const verificationId = randomUUID();
    const application: ApplicationEntity = {
      id: randomUUID(),
      program: body.program,
      regionCode: body.regionCode,
      applicationDate,
      status: INITIAL_STATUS,
      submittedBy: principal.sub,
      idempotencyKey: idempotencyKey ?? null,
      requestSha256,
      currentVerificationId: verificationId,
      createdAt: now,
      updatedAt: now,
    };
    const members = body.members.map((member, position) => toMemberEntity(application.id, position, member));
    const event = { actor: actorOf(principal), applicationId: application.id, correlationId };
    let verification;
    try {
      verification = await this.intake.add({
        application,
        members,
        verification: {
          id: verificationId,
          applicationId: application.id,
          sequence: 1,
          policyVersion: policy.id,
          requestedBy: principal.sub,
          correlationId,
          at: now,
        },
        events: [
          { ...event, action: 'APPLICATION_SUBMITTED', outcome: 'RECEIVED' },
          { ...event, action: 'VERIFICATION_REQUESTED', outcome: policy.id },
        ],
      });
    } catch (error) {
      // Two submissions with one key raced; the loser answers as a repeat of the winner.
      const winner = idempotencyKey ? await this.repository.findByIdempotencyKey(principal.sub, idempotencyKey) : null;
      if (winner) return answerRepeat(winner, requestSha256);
      throw error;
    }
    await this.verifications.enqueue(verification);
    return { id: application.id, status: 'RECEIVED' };
  }

  private store(submissions: Submission[]): Promise<VerificationEntity[]> {
    return this.repository.transaction(async (manager) => {
      await this.repository.insert(
        manager,
        submissions.map((submission) => submission.application),
        submissions.flatMap((submission) => submission.members),
      );
      const recorded = await this.verifications.recordAll(
        manager,
        submissions.map((submission) => submission.verification),
      );
      await this.auditLog.append(manager, ...submissions.flatMap((submission) => submission.events));
      return recorded;
    });
  }

  /**
   * Queues a fresh verification under the policy in force today; earlier determinations stay.
   * Once a reviewer has decided, only a reviewer (within its region) or an admin may ask, and
   * never the application's submitter: the decision stays in force whatever the new
   * determination says (see afterDetermination), but intake staff may not keep sending a
   * decided case back to the queue.
   */
  async reverify(
    principal: Principal,
    id: string,
    correlationId: string,
  ): Promise<{ id: string; verificationId: string; status: 'RECEIVED' }> {
    const application = await this.repository.findReachable(id, reachOf(principal));
    if (!application) throw DomainError.notFound('The application');
    const decided = (await this.reviewQueue.findDecisionInForce(id)) !== null;
    const overriding = decided ? roleOverridingDecision(principal, application) : null;
    if (decided && !overriding) throw decisionStands();
    const verification = await this.startReverification(application, {
      actor: overriding ? { sub: principal.sub, role: overriding } : actorOf(principal),
      requestedBy: principal.sub,
      correlationId,
      pendingReview: 'return',
      refuseIfDecided: !overriding,
    });
    return { id, verificationId: verification.id, status: 'RECEIVED' };
  }

  /**
   * The one way a fresh verification of an application is started, by a caller or by a
   * re-verification run: records it under the policy in force today, with the application
   * moved back to RECEIVED and the audit event, in one transaction, then enqueues it (the
   * sweeper being the safety net). A verification already under way is a CONFLICT.
   */
  async startReverification(
    application: Pick<ApplicationEntity, 'id' | 'regionCode'>,
    request: ReverificationRequest,
  ): Promise<VerificationEntity> {
    const { id } = application;
    const latest = await this.repository.findLatestVerification(id);
    if (latest?.status === 'PENDING') throw alreadyUnderWay();
    const today = this.clock.today();
    const policy = this.policies.select(application.regionCode, today);
    if (!policy) throw new DomainError('UNPROCESSABLE', `No policy version covers region ${application.regionCode} on ${today}.`);

    const at = this.clock.now().toISOString();
    const verification = await this.repository
      .transaction(async (manager) => {
        const recorded = await this.verifications.record(manager, {
          id: randomUUID(),
          applicationId: id,
          sequence: (latest?.sequence ?? 0) + 1,
          policyVersion: policy.id,
          requestedBy: request.requestedBy,
          correlationId: request.correlationId,
          at,
          ...(request.runId ? { runId: request.runId } : {}),
        });
        // Refused only while a verification is under way (RECEIVED, VERIFYING): another request got there first.
        if (!(await this.records.restart(manager, id, recorded.id, at))) throw alreadyUnderWay();
        // After the application's row is written (and so locked, on PostgreSQL): a decision recorded meanwhile is seen.
        if (request.refuseIfDecided && (await this.reviewQueue.findDecisionInForce(id, manager))) throw decisionStands();
        let review: 'CLOSED' | 'NONE' | 'CLAIMED' = 'NONE';
        if (request.pendingReview === 'keep') {
          if (await this.reviewQueue.findPending(manager, id))
            throw new DomainError('CONFLICT', 'The application is waiting for a reviewer.');
        } else {
          // The new verification supersedes whatever was waiting for a reviewer, unless another reviewer is on it.
          review = await this.reviewQueue.closePendingUnlessClaimed(manager, id, request.requestedBy, at);
          if (review === 'CLAIMED') throw new DomainError('CONFLICT', 'Another reviewer holds the claim on this application.');
        }
        await request.alongside?.(manager, recorded);
        const event = { actor: request.actor, applicationId: id, correlationId: request.correlationId };
        await this.auditLog.append(
          manager,
          ...(review === 'CLOSED' ? [{ ...event, action: 'REVIEW_RETURNED' as const, outcome: 'RETURNED' }] : []),
          { ...event, action: 'VERIFICATION_REQUESTED', outcome: policy.id },
        );
        return recorded;
      })
      .catch(async (error: unknown) => {
        // Two re-verifications raced for the same sequence number: the unique key let one through.
        const now = await this.repository.findLatestVerification(id);
        if (now && now.sequence > (latest?.sequence ?? 0)) throw alreadyUnderWay();
        throw error;
      });
    await this.verifications.enqueue(verification);
    return verification;
  }
}

const alreadyUnderWay = () => new DomainError('CONFLICT', 'A verification of this application is already under way.');

/**
 * Intake staff reach what they submitted; the other roles, where the endpoint admits them,
 * reach every application; every role is held to its token's region.
 */
export function reachOf(principal: Principal): Reach {
  const seesAll = (principal.grantedRoles ?? principal.roles).some((role) => role !== 'intake');
  return {
    ...(seesAll ? {} : { submittedBy: principal.sub }),
    ...(principal.region ? { region: principal.region } : {}),
  };
}

const decisionStands = () =>
  new DomainError(
    'CONFLICT',
    'A reviewer’s decision stands on this application: only a reviewer of its region or an admin, other than its submitter, may ask for a re-verification.',
  );

/**
 * The role under which the caller may re-verify an application a reviewer has decided, or
 * null: a reviewer (the endpoint's reach already holds it to its region) or an admin, never
 * the application's submitter, whatever roles it holds.
 */
function roleOverridingDecision(principal: Principal, application: ApplicationEntity): 'admin' | 'reviewer' | null {
  if (application.submittedBy === principal.sub) return null;
  const granted = principal.grantedRoles ?? principal.roles;
  if (granted.includes('admin')) return 'admin';
  return granted.includes('reviewer') ? 'reviewer' : null;
}

/** A token's region holds for submissions as for reads: a region outside it is FORBIDDEN, naming the field. */
function refuseOutsideRegion(principal: Principal, regionCode: string): void {
  if (principal.region && !regionCovers(principal.region, regionCode)) {
    throw new DomainError('FORBIDDEN', 'The application’s region lies outside the region of the token.', [
      { path: 'regionCode', message: `regionCode ${regionCode} is not within the token's region ${principal.region}` },
    ]);
  }
}

function answerRepeat(earlier: ApplicationEntity, requestSha256: string): Accepted {
  if (earlier.requestSha256 !== requestSha256) {
    throw new DomainError('UNPROCESSABLE', 'This Idempotency-Key was already used with another request body.');
  }
  return { id: earlier.id, status: 'RECEIVED' };
}

/** The rules that span members: exactly one HEAD, no identity number twice, nothing dated in the future. */
function checkHousehold(body: CreateApplicationRequestDto, applicationDate: string, today: string): void {
  const problems: FieldProblem[] = [];
  if (applicationDate > today) problems.push({ path: 'applicationDate', message: `applicationDate must not be after today (${today})` });
  const heads = body.members.filter((member) => member.relationship === 'HEAD').length;
  if (heads !== 1) problems.push({ path: 'members', message: `members must have exactly one HEAD; found ${heads}` });
  const seen = new Map<string, number>();
  body.members.forEach((member, index) => {
    const first = seen.get(member.idNumber);
    if (first !== undefined)
      problems.push({ path: `members[${index}].idNumber`, message: `members[${index}].idNumber repeats members[${first}].idNumber` });
    else seen.set(member.idNumber, index);
    if (member.consent.signedOn > today) {
      problems.push({
        path: `members[${index}].consent.signedOn`,
        message: `members[${index}].consent.signedOn must not be after today (${today})`,
      });
    }
  });
  if (problems.length > 0) throw DomainError.validation(problems);
}

function toMemberEntity(
  applicationId: string,
  position: number,
  member: CreateApplicationRequestDto['members'][number],
): ApplicationMemberEntity {
  return {
    applicationId,
    position,
    name: member.name,
    idNumber: member.idNumber,
    relationship: member.relationship,
    declaredMonthlyIncomeFen: yuanTextToFen(String(member.declaredMonthlyIncome)),
    consentDocumentRef: member.consent.documentRef,
    consentSignedOn: member.consent.signedOn,
    consentSignedBy: member.consent.signedBy,
  };
}
