import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { loadConfig } from '../../core/config/app.config.js';
import { JobName } from '../../core/queue/queue.types.js';
import { registryCheckProcessor } from './registry-check.processor.js';
import type { CheckOutcome, SourceCheckService } from './source-check.service.js';

/** The port the processor drives: one check of one registry, answering whether it was recorded. */
class FakeChecks {
  calls: { mayDefer?: boolean; lane?: string }[] = [];
  constructor(private readonly outcome: CheckOutcome) {}
  async run(_verificationId: string, _source: string, _correlationId: string, options: { mayDefer?: boolean; lane?: string }) {
    this.calls.push(options);
    return this.outcome;
  }
}

const NOW = Date.parse('2026-03-01T08:00:00Z');

/** A CheckRegistry job as BullMQ hands it over after `starts` starts of which `fails` failed. */
function checkJob({ starts = 1, fails = 0, priority }: { starts?: number; fails?: number; priority?: number } = {}) {
  const moveToDelayed = jest.fn(async (_timestamp: number, _token?: string) => undefined);
  const job = {
    id: 'check-v-1-VEHICLE_REGISTRATION',
    name: JobName.CheckRegistry,
    queueName: 'VehicleRegistry',
    data: { verificationId: 'v-1', source: 'VEHICLE_REGISTRATION', correlationId: 'c-1' },
    opts: priority === undefined ? {} : { priority },
    attemptsStarted: starts,
    attemptsMade: fails,
    moveToDelayed,
  };
  return { job: job as unknown as Job, moveToDelayed };
}

function processorWith(outcome: CheckOutcome, env: Record<string, string> = {}) {
  const checks = new FakeChecks(outcome);
  const Worker = registryCheckProcessor('VehicleRegistry');
  const config = loadConfig({ NODE_ENV: 'test', REGISTRY_RATE_LIMIT_DEFERRALS: '3', REGISTRY_RETRY_AFTER_CAP_MS: '30000', ...env });
  return { processor: new Worker(checks as unknown as SourceCheckService, config), checks };
}

describe('RegistryCheckProcessor: a registry that answers 429', () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.useFakeTimers({ now: NOW, doNotFake: ['setImmediate', 'nextTick'] }));
  afterEach(() => jest.useRealTimers());

  it('puts the check back on the queue for as long as Retry-After asked, without using an attempt', async () => {
    const { processor, checks } = processorWith({ recorded: false, retryAfterMs: 12_000 });
    const { job, moveToDelayed } = checkJob();
    await expect(processor.process(job, 'lock')).rejects.toMatchObject({ name: 'DelayedError' });
    expect(checks.calls).toEqual([{ mayDefer: true, lane: 'intake' }]);
    expect(moveToDelayed).toHaveBeenCalledWith(NOW + 12_000, 'lock');
  });

  it('waits no longer than REGISTRY_RETRY_AFTER_CAP_MS, whatever the registry asked', async () => {
    const { processor } = processorWith({ recorded: false, retryAfterMs: 3_600_000 });
    const { job, moveToDelayed } = checkJob();
    await expect(processor.process(job, 'lock')).rejects.toMatchObject({ name: 'DelayedError' });
    expect(moveToDelayed).toHaveBeenCalledWith(NOW + 30_000, 'lock');
  });

  it.each([
    ['the first start', { starts: 1, fails: 0 }, true],
    ['after two deferrals', { starts: 3, fails: 0 }, true],
    ['after REGISTRY_RATE_LIMIT_DEFERRALS deferrals', { starts: 4, fails: 0 }, false],
    ['after a failed attempt and two deferrals', { starts: 4, fails: 1 }, true],
  ])('decides whether it may defer %s', async (_case, counts, mayDefer) => {
    const { processor, checks } = processorWith({ recorded: true });
    await processor.process(checkJob(counts).job, 'lock');
    expect(checks.calls).toEqual([{ mayDefer, lane: 'intake' }]);
  });

  it('never defers a check run without a lock (nothing could move it back to the queue)', async () => {
    const { processor, checks } = processorWith({ recorded: true });
    await processor.process(checkJob().job);
    expect(checks.calls).toEqual([{ mayDefer: false, lane: 'intake' }]);
  });

  it("runs a re-verification run's checks (prioritized jobs) in the registry's background lane", async () => {
    const { processor, checks } = processorWith({ recorded: true });
    await processor.process(checkJob({ priority: 10 }).job, 'lock');
    expect(checks.calls).toEqual([{ mayDefer: true, lane: 'background' }]);
  });

  it('completes a check that was recorded, without touching the job', async () => {
    const { processor } = processorWith({ recorded: true });
    const { job, moveToDelayed } = checkJob();
    await expect(processor.process(job, 'lock')).resolves.toBeUndefined();
    expect(moveToDelayed).not.toHaveBeenCalled();
  });
});
