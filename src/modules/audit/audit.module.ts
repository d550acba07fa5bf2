import { Module } from '@nestjs/common';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditController } from './audit.controller.js';

/** The audit trail as auditors read and verify it. */
@Module({
  controllers: [AuditController],
  providers: [AuditTrailService],
})
export class AuditModule {}
