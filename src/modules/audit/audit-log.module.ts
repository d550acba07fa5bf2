import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log.js';

/** The audit chain's writer, which every feature appends to, in every SERVICE_MODE. */
@Global()
@Module({
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditLogModule {}
