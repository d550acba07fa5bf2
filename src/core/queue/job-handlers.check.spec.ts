import 'reflect-metadata';
import { Processor } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import { loadConfig, AppConfig } from '../config/app.config.js';
import { JobHandlersCheckModule } from './job-handlers-check.module.js';
import { assertOneHandlerPerJob, jobHandlerProblems, type ProcessorJobs } from './job-handlers.check.js';
import type { JobHandlers } from './job-handlers.js';
import { JobName, QueueName } from './queue.types.js';
import { ServiceWorkerHost } from './service-worker.host.js';

const registryQueues = ['HouseholdRegistry', 'VehicleRegistry'];

/** The processors of a worker process as the service has them. */
const complete: ProcessorJobs[] = [
  { processor: 'DeterminationProcessor', queue: QueueName.Determination, jobs: [JobName.DetermineEligibility] },
  { processor: 'HouseholdRegistryProcessor', queue: 'HouseholdRegistry', jobs: [JobName.CheckRegistry] },
  { processor: 'VehicleRegistryProcessor', queue: 'VehicleRegistry', jobs: [JobName.CheckRegistry] },
  { processor: 'NotificationProcessor', queue: QueueName.Notifications, jobs: [JobName.DeliverWebhook] },
  {
    processor: 'ReverificationProcessor',
    queue: QueueName.Reverification,
    jobs: [JobName.StartScheduledReverification, JobName.AdvanceReverificationRun],
  },
];

describe('jobHandlerProblems', () => {
  it('finds nothing wrong when each job name has one handler on each queue it runs on', () => {
    expect(jobHandlerProblems(complete, registryQueues)).toEqual([]);
  });

  it('names a job without a handler', () => {
    const without = complete.filter((processor) => processor.processor !== 'NotificationProcessor');
    expect(jobHandlerProblems(without, registryQueues)).toEqual([
      'DeliverWebhook has 0 handlers on queue Notifications; it needs exactly one',
    ]);
  });

  it('names a registry whose queue has no worker', () => {
    expect(jobHandlerProblems(complete, [...registryQueues, 'LandRegistry'])).toEqual([
      'CheckRegistry has 0 handlers on queue LandRegistry; it needs exactly one',
    ]);
  });

  it('names a job handled twice, and a handler on a queue where its job never runs', () => {
    const twice = [...complete, { processor: 'Stray', queue: QueueName.Notifications, jobs: [JobName.AdvanceReverificationRun] }];
    expect(jobHandlerProblems(twice, registryQueues)).toEqual([
      'queue Notifications has 2 processors: NotificationProcessor, Stray',
      'Stray handles AdvanceReverificationRun on queue Notifications, where that job never runs',
    ]);
    const again = [...complete, { processor: 'Second', queue: QueueName.Determination, jobs: [JobName.DetermineEligibility] }];
    expect(jobHandlerProblems(again, registryQueues)).toContain(
      'DetermineEligibility has 2 handlers on queue Determination; it needs exactly one',
    );
  });

  it('names a handler for a name that is no job of the service', () => {
    const odd = complete.map((processor) =>
      processor.queue === QueueName.Determination ? { ...processor, jobs: [...processor.jobs, 'Sweep'] } : processor,
    );
    expect(jobHandlerProblems(odd, registryQueues)).toEqual(['DeterminationProcessor handles Sweep, which is no job of the service']);
  });

  it('throws with every problem named', () => {
    expect(() => assertOneHandlerPerJob([], [])).toThrow(
      /DetermineEligibility has 0 handlers on queue Determination[\s\S]*DeliverWebhook has 0 handlers/,
    );
  });
});

describe('JobHandlersCheckModule', () => {
  @Processor(QueueName.Determination, { autorun: false })
  class OnlyDeterminations extends ServiceWorkerHost<JobName.DetermineEligibility> {
    protected readonly handlers: JobHandlers<JobName.DetermineEligibility> = {
      [JobName.DetermineEligibility]: async () => undefined,
    };
  }

  it('refuses to start an application whose processors leave a job name without a handler', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [JobHandlersCheckModule.forRoot([])],
      providers: [{ provide: AppConfig, useValue: loadConfig({ NODE_ENV: 'test' }) }, OnlyDeterminations],
    }).compile();
    // Refused at module init, before any worker would start (no Redis is reached: no BullMQ module here).
    const refusal = await moduleRef.init().then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refusal).toMatch(/DeliverWebhook has 0 handlers on queue Notifications/);
    expect(refusal).not.toMatch(/DetermineEligibility has/);
  });
});
