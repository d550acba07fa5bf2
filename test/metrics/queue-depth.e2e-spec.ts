import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { Queue } from 'bullmq';
import { redisConnection } from '../../src/core/queue/redis-connection.js';
import { readQueueDepths } from '../../src/modules/metrics/queue-depth.collector.js';
import { TEST_REDIS_URL } from '../support/test-app.js';

/**
 * The scrape-time read of queue depths, against the real Redis and against a "Redis" that
 * takes connections and never answers: BullMQ then holds its commands, as it does while Redis
 * is down, and the read must give up on that queue within the timeout.
 */
describe('readQueueDepths', () => {
  const prefix = `hedui-test-${randomBytes(4).toString('hex')}`;
  const sockets = new Set<Socket>();
  let silent: Server;
  let live: Queue;
  let hanging: Queue;

  beforeAll(async () => {
    silent = createServer((socket) => sockets.add(socket.on('error', () => undefined)));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    live = new Queue('Live', { connection: redisConnection(TEST_REDIS_URL), prefix });
    hanging = new Queue('Hanging', { connection: redisConnection(`redis://127.0.0.1:${port}`), prefix });
    hanging.on('error', () => undefined);
  });
  afterAll(async () => {
    await live.obliterate({ force: true });
    await live.close();
    await hanging.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('reads each state of a queue that answers', async () => {
    await live.add('probe', {}, { delay: 60_000 });
    const [depths] = await readQueueDepths([live], 1000);
    expect(depths).toEqual({
      queue: 'Live',
      counts: { waiting: 0, active: 0, delayed: 1, prioritized: 0, 'waiting-children': 0, failed: 0 },
    });
  });

  it('leaves out a queue whose Redis does not answer, and still reads the others', async () => {
    // The silent "Redis" never answers: a result at all means the read gave up on it (when, exactly, is the unit spec's).
    const depths = await readQueueDepths([hanging, live], 300);
    expect(depths).toEqual([
      { queue: 'Hanging', counts: undefined },
      { queue: 'Live', counts: expect.objectContaining({ delayed: 1 }) },
    ]);
  });
});
