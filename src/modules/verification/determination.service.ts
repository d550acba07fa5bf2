import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { MicroBatcher } from '../../core/batching/micro-batcher.js';
import { databaseUnavailable } from '../../core/database/database-unavailable.js';
import { canonicalJson } from '../../core/json/canonical-json.js';
import { Clock } from '../../core/time/clock.js';
import { evaluate } from '../eligibility/eligibility-engine.js';
import type { Evaluation, EvaluationInput, Program } from '../eligibility/eligibility.types.js';
import { PolicyCatalog } from '../eligibility/policy/policy-catalog.js';
import { Metrics } from '../metrics/metrics.service.js';
import type { RegistryRules } from '../eligibility/registry-rules.js';
import { REGISTRY_PLUGINS, type RegistryPlugin } from '../registries/registry-plugin.js';
import { registriesOf } from '../registries/registry-plugins.js';
import type { SourceOutcome } from '../registries/registry.types.js';
import type { DeterminationEntity } from './entities/determination.entity.js';
import type { SourceCheckEntity } from './entities/source-check.entity.js';
import { type StoredVerification, VerificationRepository } from './verification.repository.js';

/**
 * Turns a verification's recorded registry answers into a determination. It reads only what
 * the checks stored, so that the same stored answers and policy version always give the same
 * evaluation: `reevaluate` does exactly that for an auditor.
 */
@Injectable()
export class DeterminationService {
  private readonly logger = new Logger(DeterminationService.name);
  /** Determinations asked for at about the same time, made together. */
  private readonly batches = new MicroBatcher((requests: DeterminationRequest[]) => this.determineAll(requests), {
    maxItems: 200,
    lingerMs: 0,
    isolate: (error) => !databaseUnavailable(error),
  });
  /** Every registry's source name, in list order. */
  private readonly sources: readonly string[];
  /** The rules of the registries added as plugins; the built-in registries' are the engine's. */
  private readonly rules: readonly RegistryRules[];

  constructor(
    private readonly repository: VerificationRepository,
    private readonly policies: PolicyCatalog,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    @Optional() @Inject(REGISTRY_PLUGINS) registries?: readonly RegistryPlugin[],
  ) {
    this.sources = registriesOf(registries).map((registry) => registry.source);
    this.rules = registriesOf(registries).flatMap((registry) => (registry.rules ? [registry.rules] : []));
  }

  /**
   * Determines a verification from its stored answers, together with the others asked for at
   * about the same time: they are loaded in a few queries and stored in one transaction. A
   * verification that cannot be evaluated fails alone.
   */
  async determine(verificationId: string, correlationId: string): Promise<void> {
    const { error } = await this.batches.add({ verificationId, correlationId });
    if (error) throw error;
  }

  private async determineAll(requests: readonly DeterminationRequest[]): Promise<{ error?: unknown }[]> {
    const stored = await this.repository.findForDetermination(requests.map((request) => request.verificationId));
    const determinedAt = this.clock.now().toISOString();
    const results: { error?: unknown }[] = requests.map(() => ({}));
    const made: { determination: DeterminationEntity; correlationId: string; evaluation: Evaluation; program: Program }[] = [];
    for (const [index, { verificationId, correlationId }] of requests.entries()) {
      let found = stored.get(verificationId);
      if (!found || found.verification.status === 'DETERMINED') continue;
      try {
        if (!(await this.closeAbandonedChecks(found, correlationId))) {
          found = (await this.repository.findForDetermination([verificationId])).get(verificationId)!;
        }
        const evaluation = this.evaluateStored(found);
        const determination: DeterminationEntity = {
          id: randomUUID(),
          verificationId,
          applicationId: found.verification.applicationId,
          outcome: evaluation.outcome,
          policyVersion: evaluation.policyVersion,
          evaluation: canonicalJson(evaluation),
          determinedAt,
        };
        made.push({ determination, correlationId, evaluation, program: found.application.program });
      } catch (error) {
        results[index] = { error };
      }
    }
    await this.repository.storeDeterminations(made);
    for (const { determination, correlationId, evaluation, program } of made) {
      this.metrics.determinationStored(evaluation.outcome, program);
      this.logger.log(
        { correlationId, verificationId: determination.verificationId, outcome: evaluation.outcome, findings: evaluation.findings.length },
        'Determination made',
      );
    }
    return results;
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
    const stored = (await this.repository.findForDetermination([verificationId])).get(verificationId);
    if (!stored) throw new Error('No such verification');
    return canonicalJson(this.evaluateStored(stored));
  }

  private evaluateStored({ verification, application, members, checks }: StoredVerification): Evaluation {
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
      sources: sourceOutcomes(this.sources, checks),
      // From what each check recorded, not from today's configuration, so that a re-evaluation gives the stored determination.
      ...(checks.some((check) => check.origin === 'SANDBOX') ? { registrySandbox: true } : {}),
    };
    return evaluate(input, policy, this.rules);
  }

  /**
   * A check still pending when the determination runs is one whose job gave up (its
   * attempts spent on infrastructure errors): it is closed as unavailable, so that the
   * application goes to review instead of waiting for ever.
   */
  private async closeAbandonedChecks({ verification, checks }: StoredVerification, correlationId: string): Promise<boolean> {
    const now = this.clock.now().toISOString();
    let allClosed = true;
    for (const check of checks.filter((candidate) => candidate.status === 'PENDING')) {
      Object.assign(check, { status: 'FAILED', failure: 'UNAVAILABLE', finishedAt: now });
      // False when the check's own job got there first: the caller then reads the checks again.
      const record = { result: check, applicationId: verification.applicationId, correlationId };
      allClosed = (await this.repository.recordCheck(record)) && allClosed;
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

interface DeterminationRequest {
  verificationId: string;
  correlationId: string;
}

/** Each registry's outcome, by source name; a registry without a check counts as unavailable. */
function sourceOutcomes(sources: readonly string[], checks: SourceCheckEntity[]): EvaluationInput['sources'] {
  const bySource = new Map(checks.map((check) => [check.source, check]));
  const outcome = (source: string): SourceOutcome<unknown> => {
    const check = bySource.get(source);
    if (check?.status === 'SUCCEEDED' && check.answer !== null) return { ok: true as const, answer: JSON.parse(check.answer) };
    return { ok: false as const, failure: check?.failure ?? 'UNAVAILABLE' };
  };
  // The answers were stored by each registry's check, so each has its registry's answer type.
  return Object.fromEntries(sources.map((source) => [source, outcome(source)])) as EvaluationInput['sources'];
}
