import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../core/time/clock.js';
import { canonicalJson, sha256Hex } from '../../core/json/canonical-json.js';
import { RegistryError } from '../registries/registry.error.js';
import type { RegistrySource, SourceFailure } from '../registries/registry.types.js';
import { BusinessRegistryCheck } from './checks/business-registry.check.js';
import { HouseholdRegistryCheck } from './checks/household-registry.check.js';
import type { RegistryCheck } from './checks/registry-check.js';
import { VehicleRegistryCheck } from './checks/vehicle-registry.check.js';
import { VerificationRepository } from './verification.repository.js';

/**
 * Consults one registry for one verification and records what came back. A registry that
 * fails is recorded as a failed check (the rules turn it into a SOURCE_* finding); only a
 * failure of the service's own infrastructure (the database) makes the job fail and retry.
 */
@Injectable()
export class SourceCheckService {
  private readonly logger = new Logger(SourceCheckService.name);
  private readonly checks: Record<RegistrySource, RegistryCheck>;

  constructor(
    private readonly repository: VerificationRepository,
    private readonly clock: Clock,
    household: HouseholdRegistryCheck,
    vehicle: VehicleRegistryCheck,
    business: BusinessRegistryCheck,
  ) {
    this.checks = { HOUSEHOLD_REGISTRATION: household, VEHICLE_REGISTRATION: vehicle, BUSINESS_REGISTRATION: business };
  }

  async run(verificationId: string, source: RegistrySource, correlationId: string): Promise<void> {
    const context = await this.repository.findCheckContext(verificationId, source);
    if (!context || context.status !== 'PENDING') return;

    const started = this.clock.now();
    // One check is enough to say the verification is under way; the household check is the one.
    if (source === 'HOUSEHOLD_REGISTRATION') await this.repository.markVerifying(context.applicationId, started.toISOString());
    const members = await this.repository.findMembers(context.applicationId);
    const base = { verificationId, source, startedAt: started.toISOString() };
    const audit = { applicationId: context.applicationId, correlationId };
    try {
      const lookup = await this.checks[source].consult(members);
      const answer = canonicalJson(lookup.answer);
      await this.repository.completeCheck(
        {
          ...base,
          ...this.finish(started),
          status: 'SUCCEEDED',
          attempts: lookup.attempts,
          failure: null,
          requestIds: JSON.stringify(lookup.requestIds),
          answer,
          answerSha256: sha256Hex(answer),
        },
        audit,
      );
      this.logger.log({ correlationId, verificationId, source, status: 'SUCCEEDED', attempts: lookup.attempts }, 'Registry consulted');
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      const failure: SourceFailure = error.code === 'INVALID_RESPONSE' ? 'INVALID_RESPONSE' : 'UNAVAILABLE';
      await this.repository.completeCheck(
        {
          ...base,
          ...this.finish(started),
          status: 'FAILED',
          attempts: error.options.attempts ?? 1,
          failure,
          requestIds: JSON.stringify(error.options.requestIds ?? []),
          answer: null,
          answerSha256: null,
        },
        audit,
      );
      this.logger.warn(
        { correlationId, verificationId, source, status: 'FAILED', code: error.code, attempts: error.options.attempts },
        'Registry not usable',
      );
    }
  }

  private finish(started: Date): { finishedAt: string; durationMs: number } {
    const finished = this.clock.now();
    return { finishedAt: finished.toISOString(), durationMs: finished.getTime() - started.getTime() };
  }
}
