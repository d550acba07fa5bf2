import { Module } from '@nestjs/common';
import { ApplicationRecordsModule } from '../applications/application-records.module.js';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditController } from './audit.controller.js';
import { AuditVerificationService } from './verify/audit-verification.service.js';
import { AuditVerifiedPointsRepository } from './verify/audit-verified-points.repository.js';

/** The audit log as auditors read and verify it. */
@Module({
  imports: [ApplicationRecordsModule],
  controllers: [AuditController],
  providers: [AuditTrailService, AuditVerificationService, AuditVerifiedPointsRepository],
})
export class AuditModule {}
