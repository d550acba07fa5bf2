import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { Metrics } from './metrics.service.js';
import { QueueDepthCollector } from './queue-depth.collector.js';

/**
 * `GET /metrics` and the instruments behind it, in every SERVICE_MODE. Global, so that the
 * modules that record (the workers, the registries' HTTP clients, the audit log, the
 * determinations) inject `Metrics` without importing this module.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics, QueueDepthCollector],
  exports: [Metrics],
})
export class MetricsModule {}
