import { AuditEventEntity } from './modules/audit/audit-event.entity.js';
import { AuditCheckpointEntity } from './modules/audit/checkpoint/audit-checkpoint.entity.js';
import { AuditVerifiedPointEntity } from './modules/audit/verify/audit-verified-point.entity.js';
import { ApplicationMemberEntity } from './modules/applications/entities/application-member.entity.js';
import { ApplicationEntity } from './modules/applications/entities/application.entity.js';
import { DecisionEntity } from './modules/review/entities/decision.entity.js';
import { WebhookEventEntity } from './modules/notifications/webhook-event.entity.js';
import { ReverificationRunItemEntity } from './modules/reverification/entities/reverification-run-item.entity.js';
import { ReverificationRunEntity } from './modules/reverification/entities/reverification-run.entity.js';
import { ReviewItemEntity } from './modules/review/entities/review-item.entity.js';
import { DeterminationEntity } from './modules/verification/entities/determination.entity.js';
import { SourceCheckEntity } from './modules/verification/entities/source-check.entity.js';
import { VerificationEntity } from './modules/verification/entities/verification.entity.js';

/** Every table's entity, each from the module that owns its table (ARCHITECTURE.md); the database plumbing of core is given them. */
export const ENTITIES = [
  ApplicationEntity,
  ApplicationMemberEntity,
  VerificationEntity,
  SourceCheckEntity,
  DeterminationEntity,
  ReviewItemEntity,
  DecisionEntity,
  AuditEventEntity,
  AuditCheckpointEntity,
  AuditVerifiedPointEntity,
  WebhookEventEntity,
  ReverificationRunEntity,
  ReverificationRunItemEntity,
];
