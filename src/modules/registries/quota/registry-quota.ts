import { channel } from 'node:diagnostics_channel';
import type { OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { waitFor } from '../../../core/time/wait-for.js';
import type { RegistrySource } from '../registry.types.js';

/**
 * Reserves the next call slot of a registry: at most one call every `interval` ms (the quota),
 * never before the hold a `Retry-After` put on the registry. Redis's clock is the only clock,
 * so that every process reserves from the same schedule. Answers the slot and Redis's now.
 *
 * KEYS[1]: the registry's next free slot; KEYS[2]: the registry's hold.
 * ARGV[1]: the interval between calls in ms (0: no quota, holds only).
 */
const RESERVE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local slot = math.max(now, tonumber(redis.call('GET', KEYS[2]) or '0'))
local interval = tonumber(ARGV[1])
if interval > 0 then
  slot = math.max(slot, tonumber(redis.call('GET', KEYS[1]) or '0'))
  local nextSlot = slot + interval
  redis.call('SET', KEYS[1], string.format('%.3f', nextSlot), 'PX', math.ceil(nextSlot - now) + 1000)
end
return { string.format('%.3f', slot), tostring(now) }
`;

/**
 * Holds the registry back until Redis's now + ARGV[1] ms, unless a longer hold stands.
 * KEYS[1]: the registry's hold.
 */
const HOLD = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], tostring(untilMs), 'PX', tonumber(ARGV[1]) + 1000)
end
return tostring(untilMs)
`;

/**
 * When a registry may be called, as decided: a slot the quota granted a call, or a hold a
 * registry's `Retry-After` put on this process (`process`) or on every process (`all`).
 * Published on QUOTA_CHANNEL for whoever watches (tests, tracing); free when nobody does.
 */
export type QuotaDecision =
  | {
      kind: 'grant';
      source: RegistrySource;
      /** The call this slot is for (its `X-Request-Id`). */
      requestId: string;
      /** Redis time (ms) of the slot granted, and of the reservation. */
      slotMs: number;
      reservedAtMs: number;
    }
  | { kind: 'hold'; source: RegistrySource; holdMs: number; scope: 'process' | 'all' };

export const QUOTA_CHANNEL = channel('hedui:registry-quota');

export interface RegistryQuotaOptions {
  redisUrl: string;
  /** Prefix of the quota's keys (the deployment's QUEUE_PREFIX), so that deployments sharing a Redis keep apart. */
  prefix: string;
}

type QuotaRedis = Redis & {
  reserveRegistrySlot(next: string, hold: string, intervalMs: number): Promise<[string, string]>;
  holdRegistry(hold: string, ms: number): Promise<string>;
};

/**
 * The call quota of each registry, shared by every process through Redis: `callsPerSecond`
 * calls a second at most (retries included, since every attempt takes a slot), spaced evenly
 * rather than in bursts, and none while a `Retry-After` the registry sent holds it back.
 *
 * A slot, once reserved, is spent: a call that gives up before sending leaves a gap, never
 * a burst. A hold placed after a slot was reserved does not move it; the caller that got the
 * 429 holds its own process back on its own clock (RegistryHttpClient).
 */
export class RegistryQuota implements OnApplicationShutdown {
  private readonly redis: QuotaRedis;

  constructor(private readonly options: RegistryQuotaOptions) {
    this.redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 }) as QuotaRedis;
    // Errors surface on the commands that meet them; without a listener ioredis would print each reconnect attempt.
    this.redis.on('error', () => undefined);
    this.redis.defineCommand('reserveRegistrySlot', { numberOfKeys: 2, lua: RESERVE });
    this.redis.defineCommand('holdRegistry', { numberOfKeys: 1, lua: HOLD });
  }

  /** The quota of one registry, as its HTTP client takes it. */
  forRegistry(source: RegistrySource, callsPerSecond: number): RegistryCallQuota {
    const intervalMs = callsPerSecond > 0 ? 1000 / callsPerSecond : 0;
    const next = `${this.options.prefix}:registry-quota:${source}:next`;
    const hold = `${this.options.prefix}:registry-quota:${source}:hold`;
    return {
      acquire: async (requestId) => {
        const [slot, now] = await this.redis.reserveRegistrySlot(next, hold, intervalMs);
        const slotMs = Number(slot);
        const reservedAtMs = Number(now);
        if (QUOTA_CHANNEL.hasSubscribers)
          QUOTA_CHANNEL.publish({ kind: 'grant', source, requestId, slotMs, reservedAtMs } satisfies QuotaDecision);
        await waitFor(slotMs - reservedAtMs);
      },
      holdBack: async (ms) => {
        if (ms > 0) await this.redis.holdRegistry(hold, Math.ceil(ms));
      },
    };
  }

  /** After the workers have drained (beforeApplicationShutdown), whose last calls may still take slots. */
  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'end' || this.redis.status === 'wait') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One registry's share of RegistryQuota. */
export interface RegistryCallQuota {
  /** Resolves once the call named by `requestId` may be sent. */
  acquire(requestId: string): Promise<void>;
  /** No call to the registry, from any process, takes a slot within the next `ms`. */
  holdBack(ms: number): Promise<void>;
}
