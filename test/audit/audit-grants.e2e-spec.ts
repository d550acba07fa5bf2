import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { AppConfig } from '../../src/core/config/app.config.js';
import { sandboxCase } from '../review/review-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_POSTGRES_URL } from '../support/test-databases.js';
import { refusal } from './audit-steps.js';

/** The grants of the README's audit section, as written there, for a role of this test's own. */
function readmeGrants(role: string): string[] {
  const readme = readFileSync('README.md', 'utf8');
  const block = /```sql\n(-- as the owner[\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('The README has no grants for the audit log');
  return block
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('--'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement && !/hedui_auditor/.test(statement))
    .map((statement) => statement.replace(/\bhedui_app\b/g, role).replace(/ PASSWORD '…'/, ''));
}

/**
 * The service run, as the README advises for production, by a PostgreSQL role that owns no
 * table and holds only the grants the README lists: it works as usual (appends, seals,
 * signs, verifies), and cannot change, delete or truncate the audit log, nor drop its
 * triggers, whatever SQL it sends.
 */
describe('the audit log under the production grants (PostgreSQL)', () => {
  let owner: TestApp;
  let service: TestApp | undefined;
  let role: string;
  let serviceUrl: string;
  const asOwner = async (statement: string) => {
    const client = new Client({ connectionString: owner.app.get(AppConfig).DATABASE_URL });
    await client.connect();
    try {
      return await client.query(statement);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    owner = await startTestApp('postgres');
    role = `hedui_app_${randomBytes(4).toString('hex')}`;
    for (const statement of readmeGrants(role)) await asOwner(statement);
    const url = new URL(owner.app.get(AppConfig).DATABASE_URL!);
    url.username = role;
    serviceUrl = url.toString();
    service = await startTestApp('postgres', { DATABASE_URL: serviceUrl, AUDIT_SIGNING_KEY: owner.app.get(AppConfig).AUDIT_SIGNING_KEY! });
  });
  afterAll(async () => {
    await service?.close();
    await asOwner(`DROP OWNED BY ${role}`).catch(() => undefined);
    await owner.close();
    const admin = new Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
    } finally {
      await admin.end();
    }
  });

  it('appends, seals, signs and verifies as usual', async () => {
    const intake = service!.token('intake', 'intake-grants');
    const auditor = service!.token('auditor', 'auditor-grants');
    const submitted = await service!.request('POST', '/v1/applications', {
      token: intake,
      body: sandboxCase('dibao-eligible-urban').application,
    });
    expect(submitted.status).toBe(202);
    await service!.waitForDetermination(submitted.body.id, intake);
    await service!.auditSealed();
    const trail = (await service!.request('GET', `/v1/audit-events?applicationId=${submitted.body.id}`, { token: auditor })).body.items;
    expect(trail.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['APPLICATION_SUBMITTED', 'VERIFICATION_REQUESTED', 'DETERMINATION_MADE']),
    );
    const head = (await service!.request('GET', '/v1/audit-events/checkpoint', { token: auditor })).body;
    expect(head.payload.sequence).toBeGreaterThanOrEqual(trail.at(-1).sequence);
    expect((await service!.request('GET', `/v1/audit-events/verify?checkpoint=${head.checkpoint}`, { token: auditor })).body).toMatchObject(
      {
        valid: true,
      },
    );
  });

  it('cannot change, delete or truncate the log, nor drop its triggers, even with its own SQL', async () => {
    const client = new Client({ connectionString: serviceUrl });
    await client.connect();
    try {
      const [sealed] = (await client.query('SELECT id FROM audit_events WHERE sequence IS NOT NULL ORDER BY sequence LIMIT 1')).rows;
      for (const statement of [
        `UPDATE audit_events SET outcome = 'FORGED' WHERE id = ${sealed.id}`,
        'DELETE FROM audit_events',
        'TRUNCATE audit_events',
        'UPDATE audit_checkpoints SET sequence = 0',
        'DELETE FROM audit_checkpoints',
      ]) {
        expect({ statement, refusal: await refusal(client.query(statement)) }).toEqual({
          statement,
          refusal: expect.stringMatching(/permission denied/),
        });
      }
      // The seal columns it may update, for the sealer: the trigger refuses them on a sealed event.
      expect(await refusal(client.query(`UPDATE audit_events SET hash = repeat('0', 64) WHERE id = ${sealed.id}`))).toMatch(/append-only/);
      for (const trigger of ['audit_events_seal_once', 'audit_events_no_delete']) {
        expect(await refusal(client.query(`DROP TRIGGER ${trigger} ON audit_events`))).toMatch(/must be owner/);
      }
      expect(await refusal(client.query('ALTER TABLE audit_events DISABLE TRIGGER ALL'))).toMatch(/must be owner/);
    } finally {
      await client.end();
    }
  });
});
