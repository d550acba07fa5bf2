import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Gauge } from 'prom-client';
import { AppConfig } from '../../core/config/app.config.js';
import { settledWithin } from '../../core/async/settled-within.js';
import { QueueName } from '../../core/queue/queue.types.js';
import { REGISTRY_PLUGINS, type RegistryPlugin } from '../registries/registry-plugin.js';
import { registriesOf } from '../registries/registry-plugins.js';
import { Metrics } from './metrics.service.js';

/** The job states whose counts are exposed, per queue. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed'] as const;

type CountedQueue = Pick<Queue, 'name' | 'getJobCounts'>;

/**
 * Each queue's job counts, read in parallel, or `undefined` for a queue whose counts did not
 * come within `timeoutMs`: with Redis down, BullMQ holds commands until it reconnects, and a
 * scrape must not wait for that.
 */
export async function readQueueDepths(
  queues: readonly CountedQueue[],
  timeoutMs: number,
): Promise<{ queue: string; counts?: Record<string, number> }[]> {
  return Promise.all(
    queues.map(async (queue) => {
      const read = await settledWithin(queue.getJobCounts(...QUEUE_STATES), timeoutMs);
      return { queue: queue.name, counts: read.status === 'fulfilled' ? read.value : undefined };
    }),
  );
}

/**
 * Queue depths as gauges read from Redis at scrape time: `hedui_queue_jobs{queue,state}` for
 * each queue that answered within METRICS_QUEUE_TIMEOUT_MS, and `hedui_queue_counts_up{queue}`,
 * 1 when it did and 0 when it did not (its depths are then left out of that scrape rather than
 * shown stale). Both gauges of one scrape share one read: prom-client collects them together.
 */
@Injectable()
export class QueueDepthCollector implements OnModuleInit {
  private queues: Queue[] = [];
  private reading?: Promise<{ queue: string; counts?: Record<string, number> }[]>;

  constructor(
    private readonly metrics: Metrics,
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
    @Optional() @Inject(REGISTRY_PLUGINS) private readonly registries?: readonly RegistryPlugin[],
  ) {}

  onModuleInit(): void {
    // The registries' queues are those of the registry list, which may add queues of its own.
    const names = new Set<string>([...Object.values(QueueName), ...registriesOf(this.registries).map((registry) => registry.queue)]);
    this.queues = [...names].map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    const depths = () => this.depths();
    new Gauge({
      name: 'hedui_queue_jobs',
      help: 'Jobs in each queue by state, read at scrape time.',
      labelNames: ['queue', 'state'] as const,
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        for (const { queue, counts } of await depths()) {
          for (const state of counts ? QUEUE_STATES : []) this.set({ queue, state }, counts![state] ?? 0);
        }
      },
    });
    new Gauge({
      name: 'hedui_queue_counts_up',
      help: 'Whether the queue answered with its job counts within the scrape timeout (1) or not (0).',
      labelNames: ['queue'] as const,
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        for (const { queue, counts } of await depths()) this.set({ queue }, counts ? 1 : 0);
      },
    });
  }

  private depths(): Promise<{ queue: string; counts?: Record<string, number> }[]> {
    this.reading ??= readQueueDepths(this.queues, this.config.METRICS_QUEUE_TIMEOUT_MS).finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }
}
