import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './core/config/app.config.js';
import { CoreModule, type CoreOptions } from './core/core.module.js';
import { ENTITIES } from './entities.js';
import { JobHandlersCheckModule } from './core/queue/job-handlers-check.module.js';
import { QueueName } from './core/queue/queue.types.js';
import { ApplicationsModule } from './modules/applications/applications.module.js';
import { AuditLogModule } from './modules/audit/audit-log.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { RefusalAuditModule } from './modules/audit/refusal-audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { NotificationWorkersModule } from './modules/notifications/notification-workers.module.js';
import { QueueDashboardModule } from './modules/queue-dashboard/queue-dashboard.module.js';
import { RateLimitModule } from './modules/rate-limit/rate-limit.module.js';
import type { RegistryPlugin } from './modules/registries/registry-plugin.js';
import { registryList } from './modules/registries/registry-plugins.js';
import { RegistryPluginsModule } from './modules/registries/registry-plugins.module.js';
import { ReverificationApiModule } from './modules/reverification/reverification-api.module.js';
import { ReverificationWorkersModule } from './modules/reverification/reverification-workers.module.js';
import { ReviewModule } from './modules/review/review.module.js';
import { VerificationWorkersModule } from './modules/verification/verification-workers.module.js';

/**
 * The modules of the HTTP API. RateLimitModule first: global guards run in module order, so a
 * request with a bad token is counted (by IP) before the AuthGuard refuses it.
 */
const API = [RateLimitModule, AuthModule, AuditModule, RefusalAuditModule, ApplicationsModule, ReviewModule, ReverificationApiModule];

export interface AppOptions extends CoreOptions {
  /** Registries consulted besides the built-in ones (registry-plugins.ts), each a RegistryPlugin. */
  registries?: readonly RegistryPlugin[];
}

@Module({})
export class AppModule {
  /** The API, the workers or both, as SERVICE_MODE says; the audit log, health and metrics in every mode. */
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    const mode = config.SERVICE_MODE;
    const registries = registryList(options.registries);
    // The service's queues and one per registry of the list (the built-in registries' are in QueueName).
    const queues = [...new Set<string>([...Object.values(QueueName), ...registries.map((registry) => registry.queue)])];
    // The modules that work the queues, and the start-up check that each job name has exactly one handler among them.
    const workers = [
      VerificationWorkersModule.forRoot(registries),
      NotificationWorkersModule,
      ReverificationWorkersModule,
      JobHandlersCheckModule.forRoot(registries.map((registry) => registry.queue)),
    ];
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, ENTITIES, options),
        RegistryPluginsModule.forRoot(registries),
        AuditLogModule,
        ...(mode === 'worker' ? [] : [...API, QueueDashboardModule.forRoot(queues)]),
        ...(mode === 'api' ? [] : workers),
        HealthModule,
        MetricsModule.forRoot(config),
      ],
    };
  }
}
