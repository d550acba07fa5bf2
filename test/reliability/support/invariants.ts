import { Queue } from 'bullmq';
import { Client } from 'pg';
import { QueueName } from '../../../src/core/queue/queue.types.js';
import { redisConnection } from '../../../src/core/queue/redis-connection.js';

export interface InvariantOptions {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** Ids of every application the load got a 202 for. */
  accepted: readonly string[];
  /** When the fault or the load ended (ms since the epoch): settling is timed from here. */
  since: number;
  /** How long to wait for everything to settle; default 60 s. */
  timeoutMs?: number;
  /** The database holds no application beyond the accepted ones (none double-accepted, none half-stored). */
  exactApplications?: boolean;
}

export interface SettledCheck {
  source: string;
  status: string;
  failure: string | null;
  attempts: number;
}

export interface SettledFinding {
  code: string;
  severity: string;
  source?: string;
  memberIdNumber?: string | null;
}

/** An accepted application as the database has it once settled: its current verification's outcome and checks. */
export interface SettledApplication {
  id: string;
  status: string;
  outcome: string | null;
  findings: SettledFinding[];
  checks: SettledCheck[];
}

export interface Figures {
  accepted: number;
  /** Applications DETERMINED, by outcome. */
  determined: { ELIGIBLE: number; INELIGIBLE: number };
  inReview: number;
  /** Determinations beyond one per verification plus pending review items beyond one per application. */
  duplicates: number;
  /** Failed jobs left in each queue (each one's application settled, or it is a violation). */
  failedJobs: Record<string, number>;
  secondsToSettle: number;
}

export interface Settlement {
  figures: Figures;
  applications: Map<string, SettledApplication>;
}

const QUEUES = Object.values(QueueName);
const BUSY_STATES = ['waiting', 'active', 'delayed', 'waiting-children', 'prioritized'] as const;

/**
 * Polls the database and the queues until every accepted application is settled and no
 * queue holds work, then checks the invariants and answers the figures. Throws one error
 * listing every violation.
 */
export async function checkInvariants(options: InvariantOptions): Promise<Settlement> {
  options = { ...options, accepted: [...new Set(options.accepted)] };
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  const queues = QUEUES.map((name) => new Queue(name, { connection: redisConnection(options.redisUrl), prefix: options.queuePrefix }));
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 60000);
    let settledAt: number | undefined;
    while (settledAt === undefined && Date.now() < deadline) {
      const [settled, busy] = await Promise.all([countSettled(db, options.accepted), busyJobs(queues)]);
      if (settled === options.accepted.length && busy.total === 0) settledAt = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const violations: string[] = [];
    if (settledAt === undefined) violations.push(`not settled within ${options.timeoutMs ?? 60000} ms`);

    const applications = await readApplications(db, options.accepted);
    violations.push(...applicationViolations(options.accepted, applications));
    const duplicateDeterminations = await count(
      db,
      'SELECT COUNT(*) - COUNT(DISTINCT verification_id) AS n FROM determinations WHERE application_id = ANY($1)',
      [options.accepted],
    );
    const duplicateReviews = await count(
      db,
      `SELECT COALESCE(SUM(n - 1), 0) AS n FROM (SELECT COUNT(*) AS n FROM review_items WHERE status = 'PENDING' GROUP BY application_id) p`,
    );
    if (duplicateDeterminations > 0) violations.push(`${duplicateDeterminations} verification(s) with more than one determination`);
    if (duplicateReviews > 0) violations.push(`${duplicateReviews} pending review item(s) beyond one per application`);
    const pendingVerifications = await count(db, `SELECT COUNT(*) AS n FROM verifications WHERE status = 'PENDING'`);
    if (pendingVerifications > 0) violations.push(`${pendingVerifications} verification(s) left PENDING`);
    const pendingChecks = await count(
      db,
      `SELECT COUNT(*) AS n FROM source_checks c JOIN verifications v ON v.id = c.verification_id
       WHERE c.status = 'PENDING' AND v.status = 'DETERMINED'`,
    );
    if (pendingChecks > 0) violations.push(`${pendingChecks} source check(s) left PENDING under a determined verification`);
    if (options.exactApplications) {
      const stored = await count(db, 'SELECT COUNT(*) AS n FROM applications');
      if (stored !== options.accepted.length) violations.push(`${stored} application rows for ${options.accepted.length} accepted`);
    }

    const busy = await busyJobs(queues);
    if (busy.total > 0) violations.push(`jobs still in the queues: ${JSON.stringify(busy.byQueue)}`);
    const failedJobs: Record<string, number> = {};
    for (const queue of queues) {
      const failed = await queue.getFailed(0, -1);
      failedJobs[queue.name] = failed.length;
      const verificationIds = failed.map((job) => (job.data as { verificationId: string }).verificationId);
      // A failed job is handled when its verification was determined or, for a poison job, closed as FAILED and sent to review.
      const unsettled = await count(
        db,
        `SELECT COUNT(*) AS n FROM verifications WHERE id = ANY($1) AND status NOT IN ('DETERMINED', 'FAILED')`,
        [verificationIds],
      );
      if (unsettled > 0) violations.push(`${unsettled} failed ${queue.name} job(s) whose verification is not determined`);
    }

    if (violations.length > 0) throw new Error(`Invariants violated:\n  ${violations.join('\n  ')}`);
    const settled = [...applications.values()];
    const determined = (outcome: string) => settled.filter((a) => a.status === 'DETERMINED' && a.outcome === outcome).length;
    return {
      figures: {
        accepted: options.accepted.length,
        determined: { ELIGIBLE: determined('ELIGIBLE'), INELIGIBLE: determined('INELIGIBLE') },
        inReview: settled.filter((a) => a.status === 'IN_REVIEW').length,
        duplicates: duplicateDeterminations + duplicateReviews,
        failedJobs,
        secondsToSettle: Math.round((settledAt! - options.since) / 100) / 10,
      },
      applications,
    };
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    await db.end();
  }
}

async function count(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: string }>(sql, params);
  return Number(rows[0].n);
}

/** Determined or in review for the current verification, or in review because that verification failed. */
function countSettled(db: Client, ids: readonly string[]): Promise<number> {
  return count(
    db,
    `SELECT COUNT(*) AS n FROM applications a JOIN verifications v ON v.id = a.current_verification_id
     WHERE a.id = ANY($1) AND (
       (a.status IN ('DETERMINED', 'IN_REVIEW') AND EXISTS (SELECT 1 FROM determinations d WHERE d.verification_id = v.id))
       OR (a.status = 'IN_REVIEW' AND v.status = 'FAILED'))`,
    [ids],
  );
}

async function busyJobs(queues: Queue[]): Promise<{ total: number; byQueue: Record<string, Record<string, number>> }> {
  const counts = await Promise.all(queues.map((queue) => queue.getJobCounts(...BUSY_STATES)));
  const byQueue = Object.fromEntries(queues.map((queue, i) => [queue.name, counts[i]]));
  const total = counts.flatMap((c) => Object.values(c)).reduce((sum, n) => sum + n, 0);
  return { total, byQueue };
}

interface ApplicationRow {
  id: string;
  status: string;
  outcome: string | null;
  evaluation: string | null;
  verification_status: string;
  pending_reviews: string;
  failed_reviews: string;
}

async function readApplications(
  db: Client,
  ids: readonly string[],
): Promise<Map<string, SettledApplication & { pendingReviews: number; verificationFailed: boolean }>> {
  const { rows } = await db.query<ApplicationRow>(
    `SELECT a.id, a.status, d.outcome, d.evaluation, v.status AS verification_status,
       (SELECT COUNT(*) FROM review_items r WHERE r.application_id = a.id AND r.status = 'PENDING') AS pending_reviews,
       (SELECT COUNT(*) FROM review_items r WHERE r.application_id = a.id AND r.status = 'PENDING'
          AND r.origin = 'PROCESSING_FAILED') AS failed_reviews
     FROM applications a JOIN verifications v ON v.id = a.current_verification_id
     LEFT JOIN determinations d ON d.verification_id = a.current_verification_id
     WHERE a.id = ANY($1)`,
    [ids],
  );
  const { rows: checks } = await db.query<SettledCheck & { application_id: string }>(
    `SELECT a.id AS application_id, c.source, c.status, c.failure, c.attempts
     FROM applications a JOIN source_checks c ON c.verification_id = a.current_verification_id
     WHERE a.id = ANY($1) ORDER BY c.source`,
    [ids],
  );
  const applications = new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        status: row.status,
        outcome: row.outcome,
        findings: row.evaluation ? (JSON.parse(row.evaluation).findings as SettledFinding[]) : [],
        checks: [] as SettledCheck[],
        pendingReviews: Number(row.pending_reviews),
        verificationFailed: row.verification_status === 'FAILED' && Number(row.failed_reviews) === 1,
      },
    ]),
  );
  for (const { application_id, ...check } of checks) applications.get(application_id)?.checks.push(check);
  return applications;
}

/** Each accepted application: DETERMINED with a determination, or IN_REVIEW with exactly one pending review item. */
function applicationViolations(
  accepted: readonly string[],
  applications: Map<string, SettledApplication & { pendingReviews: number; verificationFailed: boolean }>,
) {
  const problems = new Map<string, string[]>();
  const note = (problem: string, id: string) => problems.set(problem, [...(problems.get(problem) ?? []), id]);
  for (const id of accepted) {
    const application = applications.get(id);
    if (!application) note('accepted but not stored', id);
    else if (application.status === 'DETERMINED') {
      if (application.outcome !== 'ELIGIBLE' && application.outcome !== 'INELIGIBLE')
        note('DETERMINED without an ELIGIBLE/INELIGIBLE determination', id);
      if (application.pendingReviews !== 0) note('DETERMINED with a pending review item', id);
    } else if (application.status === 'IN_REVIEW') {
      if (application.outcome !== 'NEEDS_REVIEW' && !application.verificationFailed)
        note('IN_REVIEW without a NEEDS_REVIEW determination or a failed verification', id);
      if (application.pendingReviews !== 1) note('IN_REVIEW without exactly one pending review item', id);
    } else note(`left ${application.status}`, id);
  }
  return [...problems].map(([problem, ids]) => `${ids.length} application(s) ${problem}, e.g. ${ids.slice(0, 3).join(', ')}`);
}
