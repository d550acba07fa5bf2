import { Client } from 'pg';
import { QueueName } from '../../src/core/queue/queue.types.js';
import { withQueues } from './support/queues.js';
import { http } from './support/http.js';
import { checkInvariants } from './support/invariants.js';
import { submitLoad } from './support/load.js';
import { outcomeMismatches } from './support/outcomes.js';
import { report } from './support/report.js';
import { scenarioEnvironment, type ScenarioEnvironment } from './support/scenario-environment.js';
import { token } from './support/tokens.js';

const POISONED = 5;
const HEALTHY = 150;

/**
 * Poison jobs: a few verifications are made to name a policy version the service does not
 * have, so their determination fails every attempt. Each of those applications lands in the
 * review queue with the reason and without a determination, while the other applications,
 * submitted alongside, are determined as usual.
 */
describe('06 a poison job', () => {
  let environment: ScenarioEnvironment;
  const intake = token('intake', 'intake-poison');
  const reviewer = token('reviewer', 'reviewer-poison');

  beforeAll(async () => {
    // Registry latency leaves time to poison the verifications before their determination runs.
    environment = await scenarioEnvironment({ simulator: { latencyMs: 1500 } });
    await environment.startServices(1);
  });
  afterAll(async () => {
    await environment?.close();
  });

  it('sends the poisoned applications to review with the reason and keeps the others flowing', () =>
    environment.withLogs(async () => {
      const [service] = environment.services;
      const poisoned = await submitLoad({ urls: [service.url], token: intake, count: POISONED, concurrency: POISONED });
      await poison(
        environment.databaseUrl,
        poisoned.accepted.map((submission) => submission.id),
      );
      const healthy = await submitLoad({ urls: [service.url], token: intake, count: HEALTHY, concurrency: 8, offset: 3 });
      const since = Date.now();

      const accepted = [...poisoned.accepted, ...healthy.accepted];
      const { figures, applications } = await checkInvariants({
        databaseUrl: environment.databaseUrl,
        redisUrl: environment.redis.url,
        queuePrefix: environment.queuePrefix,
        accepted: accepted.map((submission) => submission.id),
        since,
        timeoutMs: 90000,
        exactApplications: true,
      });
      expect(outcomeMismatches(healthy.accepted, applications)).toEqual([]);

      const poisonedIds = new Set(poisoned.accepted.map((submission) => submission.id));
      const queue = await http(service.url, 'GET', '/v1/reviews?status=PENDING&limit=100', { token: reviewer });
      const items = queue.body.items.filter((item: any) => poisonedIds.has(item.applicationId));
      expect(items).toHaveLength(POISONED);
      for (const item of items) {
        expect(item).toMatchObject({
          applicationStatus: 'IN_REVIEW',
          origin: 'PROCESSING_FAILED',
          outcome: null,
          requestReason: 'The determination failed 3 time(s) (Error); no determination was made.',
        });
      }
      expect(await failedDeterminations(environment)).toBe(POISONED);
      report('06-poison-job', { ...figures, poisoned: POISONED, poisonedInReview: items.length });
    }));
});

/** Points the applications' verifications at a policy version the service does not have. */
async function poison(databaseUrl: string, applicationIds: string[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rowCount } = await db.query(
      `UPDATE verifications SET policy_version = 'withdrawn@2000-01-01' WHERE application_id = ANY($1) AND status = 'PENDING'`,
      [applicationIds],
    );
    expect(rowCount).toBe(applicationIds.length);
  } finally {
    await db.end();
  }
}

async function failedDeterminations(environment: ScenarioEnvironment): Promise<number> {
  return withQueues(environment.redis.url, environment.queuePrefix, (queues) =>
    queues.find((queue) => queue.name === QueueName.Determination)!.getFailedCount(),
  );
}
