import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../core/time/clock.js';
import { canonicalJson, sha256Hex } from '../../core/json/canonical-json.js';
import type { LookupLane } from '../registries/contract/search-batcher.js';
import { RegistryHealth } from '../registries/registry-health.js';
import { RegistryError } from '../registries/registry.error.js';
import { REGISTRY_CHECKS } from '../registries/registry-plugin.js';
import type { SourceFailure } from '../registries/registry.types.js';
import type { SourceCheckEntity } from './entities/source-check.entity.js';
import type { RegistryCheck } from './checks/registry-check.js';
import { VerificationRepository } from './verification.repository.js';

/**
 * What became of a check: recorded, or left pending because the registry was still rate
 * limiting when the attempts ran out and the caller may wait as long as it asked.
 */
export type CheckOutcome = { recorded: true } | { recorded: false; retryAfterMs: number };

/**
 * Consults one registry for one verification and records what came back. A registry that
 * fails is recorded as a failed check (the rules turn it into a SOURCE_* finding); only a
 * failure of the service's own infrastructure (the database) makes the job fail and retry.
 */
@Injectable()
export class SourceCheckService {
  private readonly logger = new Logger(SourceCheckService.name);
  constructor(
    private readonly repository: VerificationRepository,
    private readonly clock: Clock,
    private readonly registries: RegistryHealth,
    /** Each registry's check, by source name. */
    @Inject(REGISTRY_CHECKS) private readonly checks: ReadonlyMap<string, RegistryCheck>,
  ) {}

  /**
   * With `mayDefer`, a lookup that gave up on 429s with a `Retry-After` is not recorded: the
   * check stays PENDING, so the determination keeps waiting for it, and the caller is told how
   * long the registry asked to wait before the check is run again.
   */
  async run(
    verificationId: string,
    source: string,
    correlationId: string,
    { mayDefer = false, lane = 'intake' }: { mayDefer?: boolean; lane?: LookupLane } = {},
  ): Promise<CheckOutcome> {
    const context = await this.repository.findCheckContext({ verificationId, source });
    if (!context || context.status !== 'PENDING') return { recorded: true };

    const started = this.clock.now();
    const { members } = context;
    // Recorded with the answer, so that the determination (and any re-evaluation of it) can say it rests on sandbox data.
    const origin = this.registries.isSandbox(source) ? 'SANDBOX' : 'HTTP';
    const base = { verificationId, source, startedAt: started.toISOString(), origin } as const;
    const record = (result: Omit<SourceCheckEntity, keyof typeof base | 'finishedAt' | 'durationMs'>) =>
      this.repository.recordCheck({
        result: { ...base, ...this.finish(started), ...result },
        applicationId: context.applicationId,
        correlationId,
      });
    try {
      const check = this.checks.get(source);
      if (!check) throw new Error(`No registry ${source} in the registry list`);
      const lookup = await check.consult(members, { lane });
      const answer = canonicalJson(lookup.answer);
      await record({
        status: 'SUCCEEDED',
        attempts: lookup.attempts,
        failure: null,
        requestIds: JSON.stringify(lookup.requestIds),
        answer,
        answerSha256: sha256Hex(answer),
      });
      this.logger.log({ correlationId, verificationId, source, status: 'SUCCEEDED', attempts: lookup.attempts }, 'Registry consulted');
      return { recorded: true };
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      const { retryAfterMs } = error.options;
      if (mayDefer && error.code === 'RATE_LIMITED' && retryAfterMs !== undefined) {
        this.logger.warn(
          { correlationId, verificationId, source, code: error.code, attempts: error.options.attempts },
          'Registry check deferred',
        );
        return { recorded: false, retryAfterMs };
      }
      const failure: SourceFailure = error.code === 'INVALID_RESPONSE' ? 'INVALID_RESPONSE' : 'UNAVAILABLE';
      await record({
        status: 'FAILED',
        attempts: error.options.attempts ?? 1,
        failure,
        requestIds: JSON.stringify(error.options.requestIds ?? []),
        answer: null,
        answerSha256: null,
      });
      this.logger.warn(
        { correlationId, verificationId, source, status: 'FAILED', code: error.code, attempts: error.options.attempts },
        'Registry not usable',
      );
      return { recorded: true };
    }
  }

  private finish(started: Date): { finishedAt: string; durationMs: number } {
    const finished = this.clock.now();
    return { finishedAt: finished.toISOString(), durationMs: finished.getTime() - started.getTime() };
  }
}
