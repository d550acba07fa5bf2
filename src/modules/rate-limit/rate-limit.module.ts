import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../core/config/app.config.js';
import { ApiThrottlerGuard } from './api-throttler.guard.js';

/**
 * The API's rate limit, counted in this process's memory: with several API processes, each
 * allows API_RATE_LIMIT on its own.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A sliding window without an extra block: Retry-After is when the oldest counted request leaves the window.
        throttlers: [{ limit: config.API_RATE_LIMIT, ttl: config.API_RATE_LIMIT_WINDOW_MS, blockDuration: 0 }],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: ApiThrottlerGuard }],
})
export class RateLimitModule {}
