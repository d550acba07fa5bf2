import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DEVELOPMENT_JWT_SECRET } from '../../src/core/config/app.config.js';
import { QueueName } from '../../src/core/queue/queue.types.js';
import type { Role } from '../../src/modules/auth/principal.js';
import { expectProblem } from '../access/access-fixtures.js';
import { refusedCredentials } from '../access/forged-credentials.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The queue dashboard: admin only on every route it serves (the page, its assets, its API),
 * every queue of the service listed, read-only, and only in the modes that serve the API.
 */

const ALL_QUEUES = Object.values(QueueName).sort();

describe('queue dashboard at /admin/queues', () => {
  let t: TestApp;
  /** The page, one of its static assets (named by the page itself) and its queue list. */
  let paths: Array<[label: string, path: string]>;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const page = await t.request('GET', '/admin/queues', { token: t.token('admin') });
    const script = /<script defer src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1];
    if (!script) throw new Error(`no main script on the dashboard page: ${page.status} ${page.text.slice(0, 200)}`);
    paths = [
      ['the page', '/admin/queues'],
      ['a queue page', '/admin/queues/queue/Determination'],
      ['a static asset', `/admin/queues/${script}`],
      ['its API', '/admin/queues/api/queues'],
    ];
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers 401 problem+json to every refused credential, on the page, its assets and its API', async () => {
    for (const [label, path] of paths) {
      for (const [credential, authorization] of refusedCredentials(DEVELOPMENT_JWT_SECRET)) {
        const response = await t.request('GET', path, { headers: authorization === undefined ? {} : { authorization } });
        expect({ label, credential, status: response.status }).toEqual({ label, credential, status: 401 });
        expectProblem(response, 401);
      }
    }
  });

  it.each<{ roles: Role[] }>([
    { roles: ['intake'] },
    { roles: ['reviewer'] },
    { roles: ['auditor'] },
    { roles: ['intake', 'reviewer', 'auditor'] },
  ])('answers 403 problem+json to a valid token with roles $roles and no admin', async ({ roles }) => {
    for (const [label, path] of paths) {
      const response = await t.request('GET', path, { token: t.token(roles, 'not-an-admin') });
      expect({ label, status: response.status }).toEqual({ label, status: 403 });
      expectProblem(response, 403);
      expect(response.body.detail).toMatch(/admin/);
    }
  });

  it.each<{ roles: Role[] }>([{ roles: ['admin'] }, { roles: ['intake', 'admin'] }])(
    'serves every route to a token with roles $roles',
    async ({ roles }) => {
      const token = t.token(roles, 'admin-z');
      const [page, queuePage, asset, api] = await Promise.all(paths.map(([, path]) => t.request('GET', path, { token })));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain('<base href="/admin/queues/" />');
      expect(queuePage.status).toBe(200);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(api.status).toBe(200);
      expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    },
  );

  it("lists every queue of the service, each read-only, with the queue's own counts", async () => {
    // A job the dashboard must count: a paused queue keeps it waiting.
    const determination = t.app.get<Queue>(getQueueToken(QueueName.Determination));
    await determination.pause();
    try {
      await determination.add('dashboard-probe', {}, { jobId: 'dashboard-probe' });
      const response = await t.request('GET', '/admin/queues/api/queues', { token: t.token('admin') });
      expect(response.status).toBe(200);
      const queues: Array<{ name: string; readOnlyMode: boolean; counts: Record<string, number> }> = response.body.queues;
      expect(queues.map((queue) => queue.name).sort()).toEqual(ALL_QUEUES);
      expect(queues.every((queue) => queue.readOnlyMode)).toBe(true);
      const counted = queues.find((queue) => queue.name === QueueName.Determination)!.counts;
      expect(counted.paused ?? counted.waiting).toBe(1);
    } finally {
      await determination.remove('dashboard-probe');
      await determination.resume();
    }
  });

  it('refuses to change a queue, even for an admin', async () => {
    const token = t.token('admin');
    const response = await t.request('PUT', `/admin/queues/api/queues/${QueueName.Determination}/pause`, { token });
    expect(response.status).toBe(405);
    const determination = t.app.get<Queue>(getQueueToken(QueueName.Determination));
    expect(await determination.isPaused()).toBe(false);
  });
});

describe('queue dashboard by SERVICE_MODE', () => {
  it.each([
    ['api', 200],
    ['worker', 404],
  ] as const)('in %s mode answers an admin %i', async (mode, status) => {
    const t = await startTestApp('sqlite', { SERVICE_MODE: mode });
    try {
      const response = await t.request('GET', '/admin/queues/api/queues', { token: t.token('admin') });
      expect(response.status).toBe(status);
      if (status === 200) expect(response.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(ALL_QUEUES);
    } finally {
      await t.close();
    }
  });
});
