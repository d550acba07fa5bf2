import { Redis } from 'ioredis';

/** Removes every key under a BullMQ prefix, so that a bench run leaves Redis as it found it. */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/**
 * Redis's own count of commands served. The difference over a phase, per flow, shows how
 * much Redis work one flow costs, whoever sent it (producer, workers, their polling).
 */
export async function redisCommandsProcessed(redisUrl: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  try {
    const stats = await redis.info('stats');
    const match = /total_commands_processed:(\d+)/.exec(stats);
    return match ? Number(match[1]) : Number.NaN;
  } finally {
    redis.disconnect();
  }
}

/** Redis's used memory, in bytes. */
export async function redisMemoryUsed(redisUrl: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  try {
    const memory = await redis.info('memory');
    const match = /used_memory:(\d+)/.exec(memory);
    return match ? Number(match[1]) : Number.NaN;
  } finally {
    redis.disconnect();
  }
}
