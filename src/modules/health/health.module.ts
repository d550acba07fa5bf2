import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RegistriesModule } from '../registries/registries.module.js';
import { DatabaseHealthIndicator } from './database.health-indicator.js';
import { HealthController } from './health.controller.js';
import { RedisHealthIndicator } from './redis.health-indicator.js';
import { RegistriesHealthIndicator } from './registries.health-indicator.js';

/** `/health/live` and `/health/ready` (`/health` is kept as an alias of live). */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), RegistriesModule],
  controllers: [HealthController],
  providers: [DatabaseHealthIndicator, RedisHealthIndicator, RegistriesHealthIndicator],
})
export class HealthModule {}
