import { type DynamicModule, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { assertOneHandlerPerJob, type ProcessorJobs } from './job-handlers.check.js';
import { ServiceWorkerHost } from './service-worker.host.js';

/** Where @nestjs/bullmq's `@Processor` keeps its options (the queue's name); the package does not export the key. */
const PROCESSOR_METADATA = 'bullmq:processor_metadata';

const REGISTRY_QUEUES = Symbol('REGISTRY_QUEUES');

/**
 * At start-up, before any worker runs (module init comes before ServiceWorkerHost starts its
 * worker at bootstrap): every processor of the process, and a refusal to start unless each
 * job name has exactly one handler on each queue it runs on (jobHandlerProblems).
 */
@Injectable()
export class JobHandlersCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(REGISTRY_QUEUES) private readonly registryQueues: readonly string[],
  ) {}

  onModuleInit(): void {
    assertOneHandlerPerJob(this.processors(), this.registryQueues);
  }

  private processors(): ProcessorJobs[] {
    return this.discovery
      .getProviders()
      .map((wrapper): unknown => wrapper.instance)
      .filter((instance): instance is ServiceWorkerHost => instance instanceof ServiceWorkerHost)
      .map((processor) => ({
        processor: processor.constructor.name,
        queue: queueOf(processor.constructor),
        jobs: processor.handledJobs(),
      }));
  }
}

function queueOf(processor: object): string {
  const options: unknown = Reflect.getMetadata(PROCESSOR_METADATA, processor);
  if (typeof options !== 'object' || options === null || !('name' in options)) return '(no queue)';
  return typeof options.name === 'string' ? options.name : '(no queue)';
}

/** The start-up check of the job handlers, for a process that runs workers; `registryQueues`: the registry list's queues. */
@Module({})
export class JobHandlersCheckModule {
  static forRoot(registryQueues: readonly string[]): DynamicModule {
    return {
      module: JobHandlersCheckModule,
      imports: [DiscoveryModule],
      providers: [{ provide: REGISTRY_QUEUES, useValue: registryQueues }, JobHandlersCheck],
    };
  }
}
