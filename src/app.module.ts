import { Module } from '@nestjs/common';
import { CoreModule } from './core/core.module.js';
import { ApplicationsModule } from './modules/applications/applications.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthController } from './modules/health/health.controller.js';

@Module({
  imports: [CoreModule, AuthModule, ApplicationsModule],
  controllers: [HealthController],
})
export class AppModule {}
