import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './core/config/app.config.js';
import { CoreModule } from './core/core.module.js';
import { ApplicationsModule } from './modules/applications/applications.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ReviewModule } from './modules/review/review.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config), AuthModule, AuditModule, ApplicationsModule, ReviewModule, HealthModule],
    };
  }
}
