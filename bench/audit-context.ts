import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { type AppConfig, loadConfig } from '../src/core/config/app.config.js';
import { ConfigModule } from '../src/core/config/config.module.js';
import { DatabaseModule } from '../src/core/database/database.module.js';
import { ENTITIES } from '../src/entities.js';
import { QueueModule } from '../src/core/queue/queue.module.js';
import { Clock } from '../src/core/time/clock.js';
import { AuditLogModule } from '../src/modules/audit/audit-log.module.js';
import { AuditVerificationService } from '../src/modules/audit/verify/audit-verification.service.js';
import { AuditVerifiedPointsRepository } from '../src/modules/audit/verify/audit-verified-points.repository.js';
import { Metrics } from '../src/modules/metrics/metrics.service.js';

/** The audit log and nothing else: configuration, database, queues (the witness's outbox), clock, metrics, writer, sealer, verification. */
@Module({})
class AuditBenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuditBenchModule,
      global: true,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(ENTITIES), QueueModule, AuditLogModule],
      providers: [Clock, Metrics, AuditVerificationService, AuditVerifiedPointsRepository],
      exports: [Clock, Metrics],
    };
  }
}

/** The audit log's services on a database of their own (`DATABASE_URL` or `SQLITE_PATH` in `env`), with a fresh signing key. */
export function startAuditContext(env: Record<string, string>): Promise<INestApplicationContext> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    ...env,
  });
  return NestFactory.createApplicationContext(AuditBenchModule.forRoot(config), { logger: false, abortOnError: false });
}
