import { Global, Module } from '@nestjs/common';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditController } from './audit.controller.js';
import { AuditLog } from './audit-log.js';

/** The audit chain: every feature appends to it through AuditLog; auditors read it here. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditLog, AuditTrailService],
  exports: [AuditLog],
})
export class AuditModule {}
