import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { FlowProducer, Worker } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '../src/core/queue/job-options.js';
import { JobName, QueueName } from '../src/core/queue/queue.types.js';
import { redisConnection } from '../src/core/queue/redis-connection.js';
import { BUILT_IN_REGISTRIES } from '../src/modules/registries/registry-plugins.js';
import { startLoadMeter, type ProcessLoad } from './process-load.js';
import { redisCommandsProcessed } from './redis-keys.js';

export interface RawSettings {
  redisUrl: string;
  prefix: string;
  warmupFlows: number;
  flows: number;
  /** Flows being added at once, like the service's concurrent HTTP clients. */
  producers: number;
  concurrency: number;
  timeoutMs: number;
}

export interface RawResult extends ProcessLoad {
  flows: number;
  completed: number;
  elapsedMs: number;
  flowsPerSecond: number;
  redisCommandsPerFlow: number;
  timedOut: boolean;
}

/**
 * The most this machine's Redis and BullMQ can do with the service's own flow shape (same
 * queues, job options, ids and payload size) when the processors do nothing: what the
 * service could reach if its database and rules cost nothing.
 */
export async function measureRawCeiling(settings: RawSettings): Promise<RawResult> {
  const connection = redisConnection(settings.redisUrl);
  const options = { connection, prefix: settings.prefix };
  let completed = 0;
  let lastCompletionAt = 0;
  const queues = [QueueName.Determination, ...BUILT_IN_REGISTRIES.map((registry) => registry.queue)];
  const workers = queues.map((name) => new Worker(name, async () => undefined, { ...options, concurrency: settings.concurrency }));
  // Counted on the parent's worker: a parent completes only once its three children have.
  workers[0].on('completed', () => {
    completed += 1;
    lastCompletionAt = performance.now();
  });
  const producer = new FlowProducer(options);
  try {
    await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    const warmupDeadline = performance.now() + settings.timeoutMs;
    await addFlows(producer, settings.warmupFlows, settings.producers);
    if (!(await until(() => completed >= settings.warmupFlows, warmupDeadline))) {
      throw new Error(`Raw ceiling: only ${completed} of ${settings.warmupFlows} warm-up flows completed in ${settings.timeoutMs} ms`);
    }

    const base = completed;
    const commandsBefore = await redisCommandsProcessed(settings.redisUrl);
    const load = startLoadMeter();
    const started = performance.now();
    await addFlows(producer, settings.flows, settings.producers);
    const finished = await until(() => completed - base >= settings.flows, started + settings.timeoutMs);
    const elapsedMs = (finished ? lastCompletionAt : performance.now()) - started;
    const processLoad = load();
    const measured = completed - base;
    const commands = (await redisCommandsProcessed(settings.redisUrl)) - commandsBefore;
    return {
      flows: settings.flows,
      completed: measured,
      elapsedMs,
      flowsPerSecond: (measured / elapsedMs) * 1000,
      redisCommandsPerFlow: commands / Math.max(measured, 1),
      timedOut: !finished,
      ...processLoad,
    };
  } finally {
    await producer.close();
    await Promise.all(workers.map((worker) => worker.close()));
  }
}

async function addFlows(producer: FlowProducer, count: number, producers: number): Promise<void> {
  let added = 0;
  const addOne = async () => {
    while (added < count) {
      added += 1;
      await producer.add(flowOf(randomUUID()));
    }
  };
  await Promise.all(Array.from({ length: producers }, addOne));
}

/** The flow `VerificationQueue.enqueue` adds, with the same ids and options. */
function flowOf(verificationId: string) {
  const data = { verificationId, correlationId: randomUUID() };
  return {
    name: JobName.DetermineEligibility,
    queueName: QueueName.Determination,
    data,
    opts: { ...DEFAULT_JOB_OPTIONS, jobId: `determine-${verificationId}` },
    children: BUILT_IN_REGISTRIES.map(({ source, queue }) => ({
      name: JobName.CheckRegistry,
      queueName: queue,
      data: { ...data, source },
      opts: { ...DEFAULT_JOB_OPTIONS, jobId: `check-${verificationId}-${source}`, ignoreDependencyOnFailure: true },
    })),
  };
}

/** Resolves true once the condition holds, false at the deadline; checks often, measures nothing. */
export async function until(condition: () => boolean, deadline: number, everyMs = 5): Promise<boolean> {
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return true;
}
