import { InitialSchema1764300000000 } from './1764300000000-initial-schema.js';
import { ReviewAndAudit1764400000000 } from './1764400000000-review-and-audit.js';
import { FailedVerifications1764500000000 } from './1764500000000-failed-verifications.js';
import { WebhookEvents1764610000000 } from './1764610000000-webhook-events.js';
import { ReverificationRuns1764620000000 } from './1764620000000-reverification-runs.js';
import { AuditOutcomeWidth1764700000000 } from './1764700000000-audit-outcome-width.js';
import { ReverificationRunExclusive1764710000000 } from './1764710000000-reverification-run-exclusive.js';
import { SourceCheckOrigin1764713000000 } from './1764713000000-source-check-origin.js';
import { AuditSealing1764720000000 } from './1764720000000-audit-sealing.js';

/** Every migration, in order. Listed, not globbed: a glob loads them by dynamic import, which Jest cannot. */
export const MIGRATIONS = [
  InitialSchema1764300000000,
  ReviewAndAudit1764400000000,
  FailedVerifications1764500000000,
  WebhookEvents1764610000000,
  ReverificationRuns1764620000000,
  AuditOutcomeWidth1764700000000,
  ReverificationRunExclusive1764710000000,
  SourceCheckOrigin1764713000000,
  AuditSealing1764720000000,
];
