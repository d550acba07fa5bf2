import { Client } from 'pg';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { http, type HttpAnswer } from './support/http.js';
import { checkInvariants } from './support/invariants.js';
import { report } from './support/report.js';
import { scenarioEnvironment, type ScenarioEnvironment } from './support/scenario-environment.js';
import { token } from './support/tokens.js';

const CONCURRENT = 50;
const KEYS = 4;

/**
 * One Idempotency-Key sent 50 times at once, with one body, to two service processes that
 * share the database: one application, one answer, one determination. The same key with
 * another body is refused.
 */
describe('05 idempotency across two processes', () => {
  let environment: ScenarioEnvironment;
  const intake = token('intake', 'intake-idempotency');

  beforeAll(async () => {
    environment = await scenarioEnvironment();
    await environment.startServices(2);
  });
  afterAll(async () => {
    await environment?.close();
  });

  it('50 concurrent submissions with one key and one body store one application and answer alike', () =>
    environment.withLogs(async () => {
      const [first, second] = environment.services;
      const ids: string[] = [];
      const keys: string[] = [];
      let answers = 0;
      for (let k = 0; k < KEYS; k++) {
        const sandboxCase = SANDBOX_CASES[k];
        const key = `idempotency-${k}`;
        keys.push(key);
        const submit = (n: number, body: unknown = sandboxCase.application) =>
          http((n % 2 === 0 ? first : second).url, 'POST', '/v1/applications', {
            token: intake,
            body,
            headers: { 'idempotency-key': key },
          });
        const round = await Promise.all(Array.from({ length: CONCURRENT }, (_, n) => submit(n)));
        answers += round.length;
        expect(round.map((answer) => answer.status)).toEqual(round.map(() => 202));
        expect(new Set(round.map((answer) => answer.text)).size).toBe(1);
        expect(new Set(round.map((answer) => answer.headers.get('location'))).size).toBe(1);
        const id = round[0].body.id as string;
        expect(round[0].body).toEqual({ id, status: 'RECEIVED' });
        ids.push(id);

        // The same key with another body: refused, nothing stored.
        expectProblem(await submit(k, SANDBOX_CASES[KEYS + k].application), 422);
      }
      const since = Date.now();
      expect(new Set(ids).size).toBe(KEYS);
      const { figures } = await checkInvariants({
        databaseUrl: environment.databaseUrl,
        redisUrl: environment.redis.url,
        queuePrefix: environment.queuePrefix,
        accepted: ids,
        since,
        exactApplications: true,
      });
      const rows = await perApplication(environment.databaseUrl);
      expect(rows).toEqual(ids.map(() => ({ verifications: 1, determinations: 1, submitted: 1 })));

      // Once settled, a repeat still answers the first answer, from either process.
      for (const service of [first, second]) {
        const repeat = await http(service.url, 'POST', '/v1/applications', {
          token: intake,
          body: SANDBOX_CASES[0].application,
          headers: { 'idempotency-key': keys[0] },
        });
        expect({ status: repeat.status, body: repeat.body }).toEqual({ status: 202, body: { id: ids[0], status: 'RECEIVED' } });
      }
      // The racing submissions, refused or not, left the audit chain whole.
      const chain = await http(first.url, 'GET', '/v1/audit-events/verify', { token: token('auditor', 'auditor-idempotency') });
      expect(chain.body).toMatchObject({ valid: true });
      expect(environment.services.filter((service) => !service.running()).map((service) => service.name)).toEqual([]);
      report('05-idempotency', {
        ...figures,
        keys: KEYS,
        answers,
        processes: environment.services.length,
        auditEvents: chain.body.events,
        rolledBackTransactions: await rolledBack(environment.databaseUrl),
      });
    }));
});

function expectProblem(answer: HttpAnswer, status: number): void {
  expect({ status: answer.status, type: answer.headers.get('content-type') }).toEqual({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  expect(answer.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
}

/** Per application: its verifications, determinations and APPLICATION_SUBMITTED audit events. */
async function perApplication(databaseUrl: string) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ verifications: string; determinations: string; submitted: string }>(
      `SELECT (SELECT COUNT(*) FROM verifications v WHERE v.application_id = a.id) AS verifications,
              (SELECT COUNT(*) FROM determinations d WHERE d.application_id = a.id) AS determinations,
              (SELECT COUNT(*) FROM audit_events e WHERE e.application_id = a.id AND e.action = 'APPLICATION_SUBMITTED') AS submitted
       FROM applications a ORDER BY a.created_at`,
    );
    return rows.map((row) => ({
      verifications: Number(row.verifications),
      determinations: Number(row.determinations),
      submitted: Number(row.submitted),
    }));
  } finally {
    await db.end();
  }
}

/** Transactions PostgreSQL rolled back in the scenario's database: the submissions that lost an insert race (statistics lag a little). */
async function rolledBack(databaseUrl: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string }>('SELECT xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()');
    return Number(rows[0].n);
  } finally {
    await db.end();
  }
}
