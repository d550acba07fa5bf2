import { Module } from '@nestjs/common';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsCoreModule } from './applications-core.module.js';

/** The applications API: POST/GET /v1/applications and re-verification of one application. */
@Module({
  imports: [ApplicationsCoreModule],
  controllers: [ApplicationsController],
  exports: [ApplicationsCoreModule],
})
export class ApplicationsModule {}
