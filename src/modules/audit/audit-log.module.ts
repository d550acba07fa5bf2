import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../core/config/app.config.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AuditLog } from './audit-log.js';
import { AuditCheckpointsRepository } from './checkpoint/audit-checkpoints.repository.js';
import { AuditSigningKeys } from './checkpoint/audit-signing-keys.js';
import { AuditSealStore } from './sealing/audit-seal.store.js';
import { AuditSealer } from './sealing/audit-sealer.js';

/**
 * The audit log's writer, which every feature appends to, and its sealer, which chains and
 * signs what was appended: in every SERVICE_MODE (one process seals at a time).
 */
@Global()
@Module({
  imports: [NotificationsModule],
  providers: [
    AuditLog,
    AuditSealStore,
    AuditSealer,
    AuditCheckpointsRepository,
    { provide: AuditSigningKeys, inject: [AppConfig], useFactory: (config: AppConfig) => AuditSigningKeys.load(config) },
  ],
  exports: [AuditLog, AuditSealer, AuditSigningKeys, AuditCheckpointsRepository],
})
export class AuditLogModule {}
