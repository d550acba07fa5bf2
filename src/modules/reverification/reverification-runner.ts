import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { DomainError } from '../../core/errors/domain.error.js';
import { Clock } from '../../core/time/clock.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { SYSTEM_ACTOR } from '../audit/audit.types.js';
import { PolicyCatalog } from '../eligibility/policy/policy-catalog.js';
import { VerificationRecords } from '../verification/verification-records.repository.js';
import type { ReverificationRunEntity } from './entities/reverification-run.entity.js';
import { type EnrolledHousehold, EnrolledHouseholdsRepository } from './enrolled-households.repository.js';
import { dueRules } from './reverification-due.js';
import { ReverificationRunsRepository } from './reverification-runs.repository.js';

/** What one step of a run came to: more households may follow, all are selected, or it waits for its queued ones to drain. */
export type RunStep = 'MORE' | 'SELECTED' | 'WAITING';

/**
 * Works a run one page at a time: the next REVERIFICATION_BATCH_SIZE enrolled households (by
 * application id) that the run has not recorded yet, each re-verified through
 * ApplicationsService.startReverification in a transaction of its own, which records the
 * household in the run too, sixteen at a time. What a step has recorded stays recorded, so a step that is cut
 * short and run again goes on where it stopped and never re-verifies a household twice.
 * While REVERIFICATION_MAX_PENDING of the run's verifications are still pending, it waits.
 */
/** Households of a page whose re-verifications are started at the same time. */
const HOUSEHOLDS_AT_ONCE = 16;

@Injectable()
export class ReverificationRunner {
  private readonly logger = new Logger(ReverificationRunner.name);

  constructor(
    private readonly runs: ReverificationRunsRepository,
    private readonly households: EnrolledHouseholdsRepository,
    private readonly applications: ApplicationsService,
    private readonly verifications: VerificationRecords,
    private readonly policies: PolicyCatalog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async step(runId: string): Promise<RunStep> {
    const run = await this.runs.find(runId);
    if (!run || run.selectedAt !== null) return 'SELECTED';
    if ((await this.verifications.countPendingOfRun(run.id)) >= this.config.REVERIFICATION_MAX_PENDING) return 'WAITING';

    const limit = this.config.REVERIFICATION_BATCH_SIZE;
    const page = await this.households.findPage({
      program: run.program,
      regionCode: run.regionCode,
      // Scheduled runs take the households due as of the run's start, whenever its steps run.
      ...(run.trigger === 'SCHEDULE' ? { due: dueRules(this.policies, run.program, new Date(run.createdAt)) } : {}),
      notInRun: run.id,
      after: run.afterApplicationId,
      limit,
    });
    let skipped = 0;
    // Several at a time, so that their flows go to Redis together and their transactions overlap.
    for (let start = 0; start < page.length; start += HOUSEHOLDS_AT_ONCE) {
      const started = await Promise.all(page.slice(start, start + HOUSEHOLDS_AT_ONCE).map((household) => this.reverify(run, household)));
      skipped += started.filter((ok) => !ok).length;
    }
    const last = page.at(-1)?.applicationId ?? run.afterApplicationId;
    if (page.length < limit) {
      const at = this.clock.now().toISOString();
      const event = {
        actor: SYSTEM_ACTOR,
        action: 'REVERIFICATION_RUN_SELECTED' as const,
        applicationId: null,
        correlationId: run.correlationId,
        outcome: run.id,
      };
      await this.runs.advance(run.id, last, { at, event });
    } else {
      await this.runs.advance(run.id, last);
    }
    this.logger.log({ runId: run.id, correlationId: run.correlationId, households: page.length, skipped }, 'Re-verification run step');
    return page.length < limit ? 'SELECTED' : 'MORE';
  }

  /** Starts the household's re-verification, or records it as skipped; false when skipped. */
  private async reverify(run: ReverificationRunEntity, household: EnrolledHousehold): Promise<boolean> {
    const item = {
      runId: run.id,
      applicationId: household.applicationId,
      previousOutcome: household.outcome,
      previousDecision: household.decision,
      recordedAt: this.clock.now().toISOString(),
    };
    if (household.verificationStatus === 'PENDING' || household.status === 'IN_REVIEW') {
      await this.recordSkipped(item);
      return false;
    }
    try {
      await this.applications.startReverification(
        { id: household.applicationId, regionCode: household.regionCode },
        {
          actor: SYSTEM_ACTOR,
          requestedBy: run.requestedBy,
          correlationId: run.correlationId,
          pendingReview: 'keep',
          runId: run.id,
          alongside: (manager, verification) => this.runs.insertItem(manager, { ...item, verificationId: verification.id }),
        },
      );
      return true;
    } catch (error) {
      // Under way, or in review, by now; or no policy covers the region today: nothing to start.
      if (error instanceof DomainError && (error.code === 'CONFLICT' || error.code === 'UNPROCESSABLE')) {
        await this.recordSkipped(item);
        return false;
      }
      // Another attempt at this step recorded the household first.
      if (await this.runs.hasItem(run.id, household.applicationId)) return true;
      throw error;
    }
  }

  private async recordSkipped(item: Parameters<ReverificationRunsRepository['insertSkipped']>[0]): Promise<void> {
    try {
      await this.runs.insertSkipped(item);
    } catch (error) {
      if (!(await this.runs.hasItem(item.runId, item.applicationId))) throw error;
    }
  }
}
