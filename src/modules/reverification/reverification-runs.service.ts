import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { DomainError } from '../../core/errors/domain.error.js';
import { cursorField, decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import { enqueuedWithin } from '../../core/queue/enqueued-within.js';
import { regionCovers } from '../../core/region/region-scope.js';
import { Clock } from '../../core/time/clock.js';
import { AuditLog } from '../audit/audit-log.js';
import { actorOf, type AuditRecord, SYSTEM_ACTOR } from '../audit/audit.types.js';
import type { Principal } from '../auth/principal.js';
import type { Program } from '../eligibility/eligibility.types.js';
import type { RunReportQueryDto } from './dto/run-report.query.dto.js';
import type { StartReverificationRunRequestDto } from './dto/start-reverification-run.request.dto.js';
import type { ReverificationRunEntity } from './entities/reverification-run.entity.js';
import { ReverificationQueue } from './reverification.queue.js';
import { ReverificationRunsRepository } from './reverification-runs.repository.js';
import { toRunView, type RunView } from './reverification-run.view.js';

const notFound = () => DomainError.notFound('The re-verification run');

/**
 * Starts runs (asked for over the API, or fired by a programme's scheduler) and reports on
 * them. A run is stored with its audit event first, then its job is enqueued; should Redis not
 * take the job, the run sweeper enqueues it later.
 */
@Injectable()
export class ReverificationRunsService {
  private readonly logger = new Logger(ReverificationRunsService.name);

  constructor(
    private readonly runs: ReverificationRunsRepository,
    private readonly queue: ReverificationQueue,
    private readonly auditLog: AuditLog,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** A run over every enrolled household of the programme within the region; the caller's token must reach the whole region. */
  async start(
    principal: Principal,
    body: StartReverificationRunRequestDto,
    correlationId: string,
  ): Promise<{ id: string; status: 'SELECTING' }> {
    if (principal.region && !regionCovers(principal.region, body.regionCode)) {
      throw new DomainError('FORBIDDEN', 'The region lies outside the region of the token.', [
        { path: 'regionCode', message: `regionCode ${body.regionCode} is not within the token's region ${principal.region}` },
      ]);
    }
    const run = this.newRun({
      program: body.program,
      regionCode: body.regionCode,
      trigger: 'REQUEST',
      requestedBy: principal.sub,
      correlationId,
    });
    const running = await this.insertUnlessRunning(run, {
      actor: actorOf(principal),
      action: 'REVERIFICATION_RUN_STARTED',
      applicationId: null,
      correlationId,
      outcome: run.id,
    });
    if (running) {
      const region = running.regionCode ?? 'every region';
      throw new DomainError(
        'CONFLICT',
        `A re-verification run of ${running.program} in ${region} is still under way: ${running.id}. Start another once it has completed.`,
        [],
        { runId: running.id },
      );
    }
    await this.enqueue(run);
    return { id: run.id, status: 'SELECTING' };
  }

  /**
   * The run a scheduler's firing starts: the programme's households in every region, those
   * due only. `scheduleKey` names the firing, so that a retried firing finds its run again.
   * While the programme's previous scheduled run is unfinished, a firing starts nothing and
   * answers that run.
   */
  async startScheduled(program: Program, scheduleKey: string): Promise<ReverificationRunEntity> {
    let run = await this.runs.findByScheduleKey(scheduleKey);
    if (!run) {
      const id = randomUUID();
      run = this.newRun({
        id,
        program,
        regionCode: null,
        trigger: 'SCHEDULE',
        requestedBy: SYSTEM_ACTOR.sub,
        correlationId: id,
        scheduleKey,
      });
      const event = {
        actor: SYSTEM_ACTOR,
        action: 'REVERIFICATION_RUN_STARTED' as const,
        applicationId: null,
        correlationId: id,
        outcome: id,
      };
      try {
        const running = await this.insertUnlessRunning(run, event);
        if (running) {
          this.logger.warn(
            { runId: running.id, program, scheduleKey },
            'Scheduled re-verification skipped: the last scheduled run is still under way',
          );
          return running;
        }
      } catch (error) {
        // Two processes took the same firing: the unique key let one through.
        run = await this.runs.findByScheduleKey(scheduleKey);
        if (!run) throw error;
      }
    }
    await this.enqueue(run);
    return run;
  }

  /** The run's progress and a page of its changed outcomes; the read is audited. Out of reach is not found. */
  async get(principal: Principal, id: string, query: RunReportQueryDto, correlationId: string): Promise<RunView> {
    const after = query.cursor ? decodeCursor(query.cursor, isChangeCursor).applicationId : undefined;
    const read = await this.runs.readProgress(id);
    const reachable = read !== null && runReachable(principal, read.run);
    await this.auditLog.record({
      actor: actorOf(principal),
      action: 'REVERIFICATION_RUN_READ',
      applicationId: null,
      correlationId,
      outcome: reachable ? 'SUCCEEDED' : 'NOT_FOUND',
    });
    if (!read || !reachable) throw notFound();
    const changes = await this.runs.findChanges(id, query.limit + 1, after);
    const items = changes.slice(0, query.limit);
    const last = items.at(-1);
    return toRunView(read.run, read.progress, {
      items,
      nextCursor: changes.length > query.limit && last ? encodeCursor({ applicationId: last.applicationId }) : null,
    });
  }

  /**
   * Stores the run unless its programme and region already have an unfinished one, which it
   * answers instead. The database decides (a unique key on the unfinished runs' programme and
   * region), so that of concurrent requests, in one process or several, exactly one stores
   * its run; a run found finished first lets go of its key.
   */
  private async insertUnlessRunning(run: ReverificationRunEntity, event: AuditRecord): Promise<ReverificationRunEntity | null> {
    const key = activeKeyOf(run);
    const holder = await this.runs.findActive(key);
    if (holder && !(await this.runs.releaseIfFinished(holder.id))) return holder;
    try {
      await this.runs.insert(run, event);
      return null;
    } catch (error) {
      const winner = await this.runs.findActive(key);
      if (winner && winner.id !== run.id) return winner;
      throw error;
    }
  }

  private newRun(
    fields: Pick<ReverificationRunEntity, 'program' | 'regionCode' | 'trigger' | 'requestedBy' | 'correlationId'> & {
      id?: string;
      scheduleKey?: string;
    },
  ): ReverificationRunEntity {
    return {
      id: fields.id ?? randomUUID(),
      program: fields.program,
      regionCode: fields.regionCode,
      trigger: fields.trigger,
      requestedBy: fields.requestedBy,
      correlationId: fields.correlationId,
      scheduleKey: fields.scheduleKey ?? null,
      activeKey: activeKeyOf(fields),
      afterApplicationId: null,
      createdAt: this.clock.now().toISOString(),
      selectedAt: null,
    };
  }

  /** The fast path; on failure or after ENQUEUE_WAIT_MS the run sweeper takes over. */
  private async enqueue(run: ReverificationRunEntity): Promise<void> {
    const error = await enqueuedWithin(this.queue.enqueueRun(run), this.config.ENQUEUE_WAIT_MS);
    if (error) {
      this.logger.warn(
        { runId: run.id, correlationId: run.correlationId, error: error.name },
        'Run not queued yet; the sweeper will queue it',
      );
    }
  }
}

/** What a run holds while unfinished: its programme and region, `*` for every region. */
function activeKeyOf(run: Pick<ReverificationRunEntity, 'program' | 'regionCode'>): string {
  return `${run.program}:${run.regionCode ?? '*'}`;
}

/**
 * A token with a region claim reaches the runs within its region; a run over every region
 * (a scheduled one) only a token without one.
 */
export function runReachable(principal: Principal, run: Pick<ReverificationRunEntity, 'regionCode'>): boolean {
  if (!principal.region) return true;
  return run.regionCode !== null && regionCovers(principal.region, run.regionCode);
}

function isChangeCursor(value: unknown): value is { applicationId: string } {
  return cursorField.uuid((value as { applicationId?: unknown } | null)?.applicationId);
}
