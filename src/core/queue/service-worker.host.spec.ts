import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { loadConfig } from '../config/app.config.js';
import { jobLogFields } from '../logging/job-log-context.js';
import type { JobAttemptRecorder } from './job-attempt.recorder.js';
import type { JobHandlers } from './job-handlers.js';
import { JobName } from './queue.types.js';
import { ServiceWorkerHost } from './service-worker.host.js';

/** A processor that notes what a log line written during its work would carry. */
class ProbeProcessor extends ServiceWorkerHost<JobName.DetermineEligibility> {
  seen: unknown[] = [];

  protected readonly handlers: JobHandlers<JobName.DetermineEligibility> = {
    [JobName.DetermineEligibility]: async () => {
      this.seen.push(jobLogFields());
      await new Promise((resolve) => setTimeout(resolve, 5));
      this.seen.push(jobLogFields());
    },
  };
}

const jobOf = (
  correlationId: string,
  times: { processedOn?: number; finishedOn?: number } = {},
  name: string = JobName.DetermineEligibility,
) => ({ id: '1', name, queueName: 'Probe', data: { verificationId: 'v-1', correlationId }, ...times }) as unknown as Job;

describe('ServiceWorkerHost', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('runs each job with its correlation id in the log context, across awaits, and only while it runs', async () => {
    const processor = new ProbeProcessor(loadConfig({ NODE_ENV: 'test' }));
    await Promise.all([processor.process(jobOf('first')), processor.process(jobOf('second'))]);
    expect(processor.seen).toEqual(expect.arrayContaining([{ correlationId: 'first' }, { correlationId: 'second' }]));
    expect(processor.seen.filter((fields) => (fields as { correlationId: string }).correlationId === 'first')).toHaveLength(2);
    expect(jobLogFields()).toEqual({});
  });

  it('fails a job of a name it has no handler for, for good, without running anything', async () => {
    const processor = new ProbeProcessor(loadConfig({ NODE_ENV: 'test' }));
    await expect(processor.process(jobOf('x', {}, JobName.CheckRegistry))).rejects.toMatchObject({
      name: 'UnrecoverableError',
      message: 'No handler for CheckRegistry on this queue',
    });
    expect(processor.seen).toEqual([]);
    expect(processor.handledJobs()).toEqual([JobName.DetermineEligibility]);
  });

  it('reports each attempt that completed or failed to the recorder', () => {
    const processor = new ProbeProcessor(loadConfig({ NODE_ENV: 'test' }));
    const recorder = { jobAttempt: jest.fn<void, Parameters<JobAttemptRecorder['jobAttempt']>>() };
    Object.assign(processor, { metrics: recorder });
    const completed = jobOf('c', { processedOn: 1_000, finishedOn: 1_250 });
    const failed = jobOf('c', { processedOn: 2_000 });
    processor.onCompleted(completed);
    processor.onFailed(failed, new Error('boom'));
    expect(recorder.jobAttempt.mock.calls).toEqual([
      [completed, 'completed'],
      [failed, 'failed'],
    ]);
  });

  describe('at shutdown', () => {
    /** A processor whose job runs until the test lets it finish, on a stand-in for BullMQ's worker. */
    class HeldProcessor extends ServiceWorkerHost<JobName.DetermineEligibility> {
      release!: () => void;
      protected readonly handlers: JobHandlers<JobName.DetermineEligibility> = {
        [JobName.DetermineEligibility]: () => new Promise((resolve) => (this.release = resolve)),
      };
    }
    const workerOf = (processor: ServiceWorkerHost<JobName.DetermineEligibility>) => {
      const worker = {
        name: 'Probe',
        pause: jest.fn(async (_doNotWaitActive?: boolean) => undefined),
        close: jest.fn(async (_force?: boolean) => undefined),
      };
      Object.assign(processor, { _worker: worker });
      return worker;
    };
    afterEach(() => jest.useRealTimers());

    it('stops taking jobs without waiting on BullMQ, waits for its own job under way, then closes', async () => {
      const processor = new HeldProcessor(loadConfig({ NODE_ENV: 'test', SHUTDOWN_GRACE_MS: '25000' }));
      const worker = workerOf(processor);
      const job = processor.process(jobOf('under-way'), 'token');
      let closed = false;
      const stopping = processor.beforeApplicationShutdown().then(() => (closed = true));
      await new Promise((resolve) => setImmediate(resolve));
      expect(worker.pause).toHaveBeenCalledWith(true);
      expect(closed).toBe(false);
      processor.release();
      await job;
      await stopping;
      expect(worker.close).toHaveBeenCalledWith(true);
    });

    it('leaves a job still running at the end of the grace period to its lock', async () => {
      jest.useFakeTimers();
      const processor = new HeldProcessor(loadConfig({ NODE_ENV: 'test', SHUTDOWN_GRACE_MS: '1000' }));
      const worker = workerOf(processor);
      void processor.process(jobOf('stuck'), 'token');
      let closed = false;
      void processor.beforeApplicationShutdown().then(() => (closed = true));
      await jest.advanceTimersByTimeAsync(999);
      expect(closed).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(closed).toBe(true);
      expect(worker.close).toHaveBeenCalledWith(true);
    });

    it('closes at once when nothing runs', async () => {
      const processor = new HeldProcessor(loadConfig({ NODE_ENV: 'test' }));
      const worker = workerOf(processor);
      await processor.beforeApplicationShutdown();
      expect(worker.close).toHaveBeenCalledWith(true);
    });
  });
});
