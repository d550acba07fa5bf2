import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './core/config/app.config.js';
import { CoreModule } from './core/core.module.js';
import { ApplicationsModule } from './modules/applications/applications.module.js';
import { AuditLogModule } from './modules/audit/audit-log.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ReviewModule } from './modules/review/review.module.js';
import { VerificationWorkersModule } from './modules/verification/verification-workers.module.js';

/** The modules of the HTTP API. */
const API = [AuthModule, AuditModule, ApplicationsModule, ReviewModule];
/** The modules that work the queues. */
const WORKERS = [VerificationWorkersModule];

@Module({})
export class AppModule {
  /** The API, the workers or both, as SERVICE_MODE says; the audit log and health in every mode. */
  static forRoot(config: AppConfig): DynamicModule {
    const mode = config.SERVICE_MODE;
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        AuditLogModule,
        ...(mode === 'worker' ? [] : API),
        ...(mode === 'api' ? [] : WORKERS),
        HealthModule,
      ],
    };
  }
}
