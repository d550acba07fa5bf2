import type { Page } from '../../core/http/cursor.js';
import type { ReverificationRunEntity } from './entities/reverification-run.entity.js';
import type { RunChange, RunProgress } from './reverification-runs.repository.js';

export const RUN_STATUSES = ['SELECTING', 'VERIFYING', 'COMPLETED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export type RunView = Pick<
  ReverificationRunEntity,
  'id' | 'program' | 'regionCode' | 'trigger' | 'requestedBy' | 'createdAt' | 'selectedAt'
> &
  RunProgress & { status: RunStatus; changes: Page<RunChange> };

export function toRunView(run: ReverificationRunEntity, progress: RunProgress, changes: Page<RunChange>): RunView {
  const status: RunStatus = run.selectedAt === null ? 'SELECTING' : progress.pending > 0 ? 'VERIFYING' : 'COMPLETED';
  return {
    id: run.id,
    program: run.program,
    regionCode: run.regionCode,
    trigger: run.trigger,
    requestedBy: run.requestedBy,
    status,
    createdAt: run.createdAt,
    selectedAt: run.selectedAt,
    ...progress,
    changes: { items: changes.items.map((change) => ({ ...change })), nextCursor: changes.nextCursor },
  };
}
