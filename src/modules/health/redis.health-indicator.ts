import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { AppConfig } from '../../core/config/app.config.js';

/**
 * Pings Redis on a client of its own. BullMQ's connections wait for ever while Redis is down
 * (`maxRetriesPerRequest: null`, as its workers require), so a ping on them would only queue;
 * this one gives up after the health timeout and drops queued commands on each failed
 * reconnect. It connects on the first check, so a process never asked stays off Redis.
 */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private readonly client: Redis;

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly config: AppConfig,
  ) {
    const timeout = config.HEALTH_CHECK_TIMEOUT_MS;
    this.client = new Redis(config.REDIS_URL, {
      lazyConnect: true,
      connectTimeout: timeout,
      commandTimeout: timeout,
      maxRetriesPerRequest: 0,
      // Reconnect often enough that readiness turns back to up within a second of Redis.
      retryStrategy: (times) => Math.min(times * 100, 1000),
    });
    // Connection errors are what the check reports; unhandled, ioredis would print each one.
    this.client.on('error', () => undefined);
  }

  ping() {
    return this.indicators
      .check('redis')
      .attempt(async () => {
        try {
          await this.client.ping();
        } catch {
          throw new Error('unreachable');
        }
      })
      .withTimeout(this.config.HEALTH_CHECK_TIMEOUT_MS);
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
