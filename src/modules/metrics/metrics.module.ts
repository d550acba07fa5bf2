import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app.config.js';
import { JobAttemptRecorder } from '../../core/queue/job-attempt.recorder.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsServer } from './metrics.server.js';
import { Metrics } from './metrics.service.js';
import { QueueDepthCollector } from './queue-depth.collector.js';

/**
 * `GET /metrics` and the instruments behind it, in every SERVICE_MODE: on the API's port, or
 * with METRICS_PORT set on that port alone. Global, so that the modules that record (the
 * workers, the registries' HTTP clients, the audit log, the determinations) inject `Metrics`
 * without importing this module.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const ownPort = config.METRICS_PORT !== undefined;
    return {
      module: MetricsModule,
      controllers: ownPort ? [] : [MetricsController],
      providers: [Metrics, { provide: JobAttemptRecorder, useExisting: Metrics }, QueueDepthCollector, ...(ownPort ? [MetricsServer] : [])],
      exports: [Metrics, JobAttemptRecorder],
    };
  }
}
