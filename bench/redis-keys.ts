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
export function redisCommandsProcessed(redisUrl: string): Promise<number> {
  return redisInfoField(redisUrl, 'stats', 'total_commands_processed');
}

/** Redis's used memory, in bytes. */
export function redisMemoryUsed(redisUrl: string): Promise<number> {
  return redisInfoField(redisUrl, 'memory', 'used_memory');
}

/** One numeric field of a section of Redis's INFO. */
async function redisInfoField(redisUrl: string, section: string, field: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  try {
    const info = await redis.info(section);
    const match = new RegExp(`^${field}:(\\d+)`, 'm').exec(info);
    return match ? Number(match[1]) : Number.NaN;
  } finally {
    redis.disconnect();
  }
}
