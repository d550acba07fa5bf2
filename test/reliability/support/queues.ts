import { Queue } from 'bullmq';
import { QueueName } from '../../../src/core/queue/queue.types.js';
import { redisConnection } from '../../../src/core/queue/redis-connection.js';

/** Runs `work` with a handle on each of the service's queues under a scenario's Redis and prefix, closed afterwards. */
export async function withQueues<T>(redisUrl: string, prefix: string, work: (queues: Queue[]) => Promise<T>): Promise<T> {
  const queues = Object.values(QueueName).map((name) => new Queue(name, { connection: redisConnection(redisUrl), prefix }));
  try {
    return await work(queues);
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}
