import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { canonicalJson } from '../../core/json/canonical-json.js';
import { Clock } from '../../core/time/clock.js';
import { evaluate } from '../eligibility/eligibility-engine.js';
import type { Evaluation, EvaluationInput } from '../eligibility/eligibility.types.js';
import { PolicyCatalog } from '../eligibility/policy/policy-catalog.js';
import { Metrics } from '../metrics/metrics.service.js';
import type { RegistrySource } from '../registries/registry.types.js';
import type { ApplicationMemberEntity } from '../applications/entities/application-member.entity.js';
import type { ApplicationEntity } from '../applications/entities/application.entity.js';
import type { SourceCheckEntity } from './entities/source-check.entity.js';
import type { VerificationEntity } from './entities/verification.entity.js';
import { VerificationRepository } from './verification.repository.js';

/**
 * Turns a verification's recorded registry answers into a determination. It reads only what
 * the checks stored, so that the same stored answers and policy version always give the same
 * evaluation: `reevaluate` does exactly that for an auditor.
 */
@Injectable()
export class DeterminationService {
  private readonly logger = new Logger(DeterminationService.name);

  constructor(
    private readonly repository: VerificationRepository,
    private readonly policies: PolicyCatalog,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  async determine(verificationId: string, correlationId: string): Promise<void> {
    const verification = await this.repository.findVerification(verificationId);
    if (!verification || verification.status === 'DETERMINED') return;
    let stored = await this.loadStored(verification);
    if (!(await this.closeAbandonedChecks(stored.checks, verification, correlationId))) stored = await this.loadStored(verification);

    const evaluation = this.evaluateStored(verification, stored);
    const determinedAt = this.clock.now().toISOString();
    await this.repository.storeDetermination(
      {
        id: randomUUID(),
        verificationId,
        applicationId: verification.applicationId,
        outcome: evaluation.outcome,
        policyVersion: evaluation.policyVersion,
        evaluation: canonicalJson(evaluation),
        determinedAt,
      },
      correlationId,
    );
    this.metrics.determinationStored(evaluation.outcome, stored.application.program);
    this.logger.log(
      { correlationId, verificationId, outcome: evaluation.outcome, findings: evaluation.findings.length },
      'Determination made',
    );
  }

  /**
   * A verification whose determination could not be made, after every attempt, goes to
   * review with the reason (which must not quote personal data), so that its application
   * never waits for ever. Nothing happens if it was determined meanwhile.
   */
  async abandon(verificationId: string, correlationId: string, reason: string): Promise<void> {
    const stored = await this.repository.storeFailure({ verificationId, reason, at: this.clock.now().toISOString() }, correlationId);
    if (stored) this.logger.warn({ correlationId, verificationId, reason }, 'Verification failed; application sent to review');
  }

  /** The evaluation the stored answers give today, as canonical JSON, to compare with the stored one. */
  async reevaluate(verificationId: string): Promise<string> {
    const verification = await this.repository.findVerification(verificationId);
    if (!verification) throw new Error('No such verification');
    return canonicalJson(this.evaluateStored(verification, await this.loadStored(verification)));
  }

  private async loadStored(verification: VerificationEntity): Promise<StoredVerification> {
    const [application, members, checks] = await Promise.all([
      this.repository.findApplication(verification.applicationId),
      this.repository.findMembers(verification.applicationId),
      this.repository.findChecks(verification.id),
    ]);
    if (!application) throw new Error('Verification without its application');
    return { application, members, checks };
  }

  private evaluateStored(verification: VerificationEntity, { application, members, checks }: StoredVerification): Evaluation {
    const policy = this.policies.get(verification.policyVersion);
    if (!policy) throw new Error('Verification with an unknown policy version');

    const input: EvaluationInput = {
      program: application.program,
      regionCode: application.regionCode,
      members: members.map(({ idNumber, name, relationship, declaredMonthlyIncomeFen }) => ({
        idNumber,
        name,
        relationship,
        declaredMonthlyIncomeFen,
      })),
      sources: sourceOutcomes(checks),
      // From what each check recorded, not from today's configuration, so that a re-evaluation gives the stored determination.
      ...(checks.some((check) => check.origin === 'SANDBOX') ? { registrySandbox: true } : {}),
    };
    return evaluate(input, policy);
  }

  /**
   * A check still pending when the determination runs is one whose job gave up (its
   * attempts spent on infrastructure errors): it is closed as unavailable, so that the
   * application goes to review instead of waiting for ever.
   */
  private async closeAbandonedChecks(
    checks: SourceCheckEntity[],
    verification: VerificationEntity,
    correlationId: string,
  ): Promise<boolean> {
    const now = this.clock.now().toISOString();
    let allClosed = true;
    for (const check of checks.filter((candidate) => candidate.status === 'PENDING')) {
      Object.assign(check, { status: 'FAILED', failure: 'UNAVAILABLE', finishedAt: now });
      // False when the check's own job got there first: the caller then reads the checks again.
      const audit = { applicationId: verification.applicationId, correlationId: correlationId };
      allClosed = (await this.repository.completeCheck(check, audit)) && allClosed;
      this.logger.warn(
        { correlationId, verificationId: check.verificationId, source: check.source },
        'Registry check abandoned; counted as unavailable',
      );
    }
    return allClosed;
  }
}

/** Names the kind of error only: messages can quote the data that caused them. */
export function failureReason(attempts: number, errorName?: string): string {
  return `The determination failed ${attempts} time(s)${errorName ? ` (${errorName})` : ''}; no determination was made.`;
}

interface StoredVerification {
  application: ApplicationEntity;
  members: ApplicationMemberEntity[];
  checks: SourceCheckEntity[];
}

function sourceOutcomes(checks: SourceCheckEntity[]): EvaluationInput['sources'] {
  const bySource = new Map(checks.map((check) => [check.source, check]));
  const outcome = (source: RegistrySource) => {
    const check = bySource.get(source);
    if (check?.status === 'SUCCEEDED' && check.answer !== null) return { ok: true as const, answer: JSON.parse(check.answer) };
    return { ok: false as const, failure: check?.failure ?? 'UNAVAILABLE' };
  };
  return {
    HOUSEHOLD_REGISTRATION: outcome('HOUSEHOLD_REGISTRATION'),
    VEHICLE_REGISTRATION: outcome('VEHICLE_REGISTRATION'),
    BUSINESS_REGISTRATION: outcome('BUSINESS_REGISTRATION'),
  };
}
