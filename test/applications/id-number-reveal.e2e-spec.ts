import { IN_REVIEW_IN_542523, sandboxCase, settledApplication } from '../access/access-fixtures.js';
import { sqlOf } from '../review/review-steps.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

/**
 * The masked view of an application (`?idNumbers=masked`), which the console shows, and the
 * audited reveal of one member's identity number: same reach as reading the application,
 * an ID_NUMBER_REVEALED event that never holds the number.
 */

const ID_NUMBER = /\d{17}[\dX]/;

describe.each(['sqlite', 'postgres'] as const)('identity numbers on %s', (kind) => {
  let t: TestApp;
  let id: string;
  let intake: string;
  const members = sandboxCase(IN_REVIEW_IN_542523).application.members;

  const eventsOf = (response: TestResponse) =>
    sqlOf(t)('SELECT actor, role, action, application_id, outcome FROM audit_events WHERE correlation_id = ?', [
      response.headers.get('x-correlation-id'),
    ]);

  beforeAll(async () => {
    t = await startTestApp(kind);
    intake = t.token('intake', 'intake-m', '542523');
    id = await settledApplication(t, intake, t.token('admin', 'admin-m'), IN_REVIEW_IN_542523);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('keeps the default view as stored', async () => {
    const { body } = await t.request('GET', `/v1/applications/${id}`, { token: t.token('reviewer', 'reviewer-m') });
    expect(body.members.map((member: { idNumber: string }) => member.idNumber)).toEqual(members.map((member) => member.idNumber));
  });

  it('masks every identity number but its last four characters in the masked view', async () => {
    const response = await t.request('GET', `/v1/applications/${id}?idNumbers=masked`, { token: t.token('auditor', 'auditor-m') });
    expect(response.status).toBe(200);
    expect(response.body.members.map((member: { idNumber: string }) => member.idNumber)).toEqual(
      members.map((member) => `${'*'.repeat(14)}${member.idNumber.slice(-4)}`),
    );
    expect(response.body.determination.findings.length).toBeGreaterThan(0);
    // Names and everything else stay; no full identity number anywhere in the answer.
    expect(response.body.members[0].name).toBe(members[0].name);
    expect(response.text).not.toMatch(ID_NUMBER);
  });

  it('refuses an unknown view with a 400 naming the parameter', async () => {
    const response = await t.request('GET', `/v1/applications/${id}?idNumbers=half`, { token: intake });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'idNumbers' })]);
  });

  it.each(['reviewer', 'auditor', 'admin'] as const)('reveals one member’s number to a %s, audited without the number', async (role) => {
    const response = await t.request('GET', `/v1/applications/${id}/members/1/id-number`, { token: t.token(role, `${role}-m`) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ idNumber: members[1].idNumber });
    await t.auditSealed();
    const events = await eventsOf(response);
    expect(events).toEqual([{ actor: `${role}-m`, role, action: 'ID_NUMBER_REVEALED', application_id: id, outcome: 'SUCCEEDED' }]);
    expect(JSON.stringify(events)).not.toMatch(ID_NUMBER);
  });

  it('reveals to the submitting intake, and to nobody out of reach (404, recorded as NOT_FOUND)', async () => {
    expect((await t.request('GET', `/v1/applications/${id}/members/0/id-number`, { token: intake })).status).toBe(200);
    const outOfReach = [
      t.token('intake', 'another-intake'),
      t.token('reviewer', 'reviewer-elsewhere', '542521'),
      t.token('auditor', 'auditor-elsewhere', '540100'),
    ];
    for (const token of outOfReach) {
      const response = await t.request('GET', `/v1/applications/${id}/members/0/id-number`, { token });
      expect(response.status).toBe(404);
      expect(response.text).not.toMatch(ID_NUMBER);
      expect(await eventsOf(response)).toEqual([expect.objectContaining({ action: 'ID_NUMBER_REVEALED', outcome: 'NOT_FOUND' })]);
    }
  });

  it('answers 404 for a member that is not there', async () => {
    for (const index of [String(members.length), '30', '-1', 'x']) {
      const response = await t.request('GET', `/v1/applications/${id}/members/${index}/id-number`, { token: intake });
      expect(response.status).toBe(404);
    }
  });
});
