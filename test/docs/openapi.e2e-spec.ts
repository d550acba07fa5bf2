import SwaggerParser from '@apidevtools/swagger-parser';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '../../src/core/queue/queue.types.js';
import { ROLES } from '../../src/modules/auth/principal.js';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { type Json, OpenApiContract, type Operation, operationsOf } from './openapi-contract.js';

/**
 * The OpenAPI document at /docs-json against the running service: valid OpenAPI 3.1; every route
 * the server registered is in it and nothing else; each operation names its roles and its errors,
 * and the roles are those the service admits; examples and real answers fit the schemas, field
 * for field. The Swagger UI at /docs loads without inline script; a worker serves neither.
 */

/** Routes the document leaves out: its own pages, the queue dashboard (bull-board’s UI) and the reviewer console: not API. */
const NOT_API = [/^\/docs/, /^\/admin\/queues/, /^\/console/];
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const CORRELATION_ID = '3f2b8c1e-5d7a-4e9b-9c0d-1a2b3c4d5e6f';
const REASON = 'Household visited; the business was closed in 2024.';

let t: TestApp;
let document: Json;
let contract: OpenApiContract;
const registered: { method: string; path: string }[] = [];

const key = ({ method, path }: { method: string; path: string }) => `${method.toUpperCase()} ${path}`;
const v1 = (): Operation[] => operationsOf(document).filter(({ path }) => path.startsWith('/v1/'));

beforeAll(async () => {
  t = await startTestApp(
    'sqlite',
    {},
    {
      // Added before the app is initialised, so that it sees every route the controllers register.
      beforeInit: (app) =>
        app
          .getHttpAdapter()
          .getInstance()
          .addHook('onRoute', (route) => {
            for (const method of [route.method].flat()) {
              registered.push({ method: method.toLowerCase(), path: route.url.replace(/:(\w+)/g, '{$1}') });
            }
          }),
    },
  );
  const answer = await t.request('GET', '/docs-json');
  expect(answer.status).toBe(200);
  document = answer.body;
  contract = await OpenApiContract.load(document);
});

afterAll(async () => {
  try {
    // The re-verifications the flow asked for finish before the app closes.
    await t?.queuesDrained();
  } finally {
    await t?.close();
  }
});

it('serves a valid OpenAPI 3.1 document without a token, with the bearer scheme', async () => {
  expect(document.openapi).toBe('3.1.0');
  await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
  expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
});

it('documents every route the server registered, with its method, and no route it does not serve', () => {
  const served = registered
    .filter(({ path }) => !NOT_API.some((pattern) => pattern.test(path)))
    // Fastify adds HEAD to every GET by itself.
    .filter(({ method, path }) => method !== 'head' || !registered.some((other) => other.method === 'get' && other.path === path))
    .map(key);
  const documented = operationsOf(document).map(key);
  expect(served).toContain('POST /v1/applications');
  expect(served.filter((route) => !documented.includes(route))).toEqual([]);
  expect(documented.filter((route) => !served.includes(route))).toEqual([]);
});

it('describes every operation: summary, success schema, problem+json errors, the correlation header', () => {
  const problems: string[] = [];
  const operationIds = new Set<string>();
  for (const { method, path, operation } of operationsOf(contract.document)) {
    const say = (problem: string) => problems.push(`${key({ method, path })}: ${problem}`);
    if (!operation.summary?.trim() || !operation.description?.trim()) say('no summary or description');
    if (!operation.tags?.length) say('no tag');
    if (!operation.operationId || operationIds.has(operation.operationId)) say(`operationId ${operation.operationId} missing or repeated`);
    operationIds.add(operation.operationId);
    const parameters = (operation.parameters ?? []).map((parameter: Json) => `${parameter.in}:${parameter.name}`);
    if (!parameters.includes('header:X-Correlation-Id')) say('no X-Correlation-Id request header');

    const responses = Object.entries(operation.responses as Record<string, Json>);
    const successes = responses.filter(([status]) => status.startsWith('2'));
    if (successes.length === 0) say('no success response');
    for (const [status, response] of successes) {
      const schemas = Object.values(response.content ?? {}).filter((media: Json) => media.schema);
      if (!response.description?.trim() || schemas.length === 0) say(`${status} has no description or no schema`);
    }
    for (const [status, response] of responses.filter(([status]) => !status.startsWith('2'))) {
      const schema = response.content?.['application/problem+json']?.schema;
      if (!['type', 'title', 'status', 'detail'].every((field) => schema?.required?.includes(field))) say(`${status} is not problem+json`);
      if (!response.description?.trim()) say(`${status} has no description`);
    }
    for (const status of ['500', '503']) if (!operation.responses[status]) say(`no ${status}`);
    for (const [status, response] of responses) if (!response.headers?.['X-Correlation-Id']) say(`${status} without X-Correlation-Id`);
  }
  expect(problems).toEqual([]);
});

it('names, for each /v1 operation, its roles (in x-roles and in words), the bearer scheme and its errors', () => {
  const problems: string[] = [];
  for (const { method, path, operation } of v1()) {
    const say = (problem: string) => problems.push(`${key({ method, path })}: ${problem}`);
    const roles: string[] = operation['x-roles'] ?? [];
    if (roles.length === 0 || !roles.every((role) => (ROLES as readonly string[]).includes(role)) || !roles.includes('admin')) {
      say(`x-roles ${JSON.stringify(roles)}`);
    }
    if (!operation.description?.startsWith('**Roles:**') || !roles.every((role) => operation.description.includes(`\`${role}\``))) {
      say('the description does not name the roles');
    }
    if (JSON.stringify(operation.security) !== JSON.stringify([{ bearer: [] }])) say('not secured by the bearer scheme');
    const expected = ['401', '403', '429'];
    if (path.includes('{')) expected.push('404');
    if (operation.requestBody) expected.push('400', '413', '415');
    if ((operation.parameters ?? []).some((parameter: Json) => parameter.in === 'query')) expected.push('400');
    for (const status of expected) if (!operation.responses[status]) say(`no ${status}`);
  }
  expect(problems).toEqual([]);
});

it('admits exactly the roles each /v1 operation names, and answers only statuses it documents', async () => {
  const problems: string[] = [];
  for (const { method, path, operation } of v1()) {
    const url = path.replace(/\{\w+\}/g, NO_SUCH_ID);
    const body = operation.requestBody ? {} : undefined;
    const anonymous = await t.request(method, url, { body });
    if (anonymous.status !== 401) problems.push(`${key({ method, path })} without a token: ${anonymous.status}`);
    problems.push(...contract.answerProblems(method, path, anonymous));
    for (const role of ROLES) {
      const answer = await t.request(method, url, { token: t.token(role, `probe-${role}`), body });
      const admitted = (operation['x-roles'] as string[]).includes(role);
      if (answer.status === 401 || admitted === (answer.status === 403)) {
        problems.push(`${key({ method, path })} as ${role}: ${answer.status}, though the document ${admitted ? 'admits' : 'refuses'} it`);
      }
      problems.push(...contract.answerProblems(method, path, answer));
    }
  }
  expect(problems).toEqual([]);
});

it('gives examples (bodies, answers, problems, parameters) that fit their schemas', () => {
  const problems: string[] = [];
  let examples = 0;
  const check = (where: string, schema: Json, media: Json) => {
    const values = [
      ...(media.example !== undefined ? [media.example] : []),
      ...Object.values((media.examples ?? {}) as Record<string, Json>).map((example) => example.value),
    ];
    for (const value of values) {
      examples += 1;
      problems.push(...contract.problems(schema, value).map((problem) => `${where}: ${problem}`));
    }
  };
  for (const { method, path } of operationsOf(document)) {
    const operation = contract.operation(method, path);
    const where = key({ method, path });
    for (const media of Object.values((operation.requestBody?.content ?? {}) as Record<string, Json>))
      check(`${where} body`, media.schema, media);
    for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
      for (const media of Object.values((response.content ?? {}) as Record<string, Json>)) check(`${where} ${status}`, media.schema, media);
    }
    for (const parameter of operation.parameters ?? []) check(`${where} ${parameter.name}`, parameter.schema, parameter.schema ?? {});
  }
  expect(problems).toEqual([]);
  expect(examples).toBeGreaterThan(50);
});

it('answers as the document says, field for field, from submission to decision, audit and health', async () => {
  const intake = t.token('intake', 'intake-docs');
  const reviewer = t.token('reviewer', 'reviewer-docs');
  const auditor = t.token('auditor', 'auditor-docs');
  const problems: string[] = [];
  const call = async (method: string, path: string, url: string, options: Parameters<TestApp['request']>[2], status: number) => {
    const answer = await t.request(method, url, options);
    expect(`${method} ${url} → ${answer.status}`).toBe(`${method} ${url} → ${status}`);
    problems.push(...contract.answerProblems(method, path, answer));
    return answer;
  };

  // The documented example body is accepted as it stands.
  const [example] = Object.values(
    document.paths['/v1/applications'].post.requestBody.content['application/json'].examples as Record<string, Json>,
  );
  const headers = { 'idempotency-key': 'docs-1', 'x-correlation-id': CORRELATION_ID };
  const submitted = await call('POST', '/v1/applications', '/v1/applications', { token: intake, body: example.value, headers }, 202);
  expect(submitted.headers.get('location')).toBe(`/v1/applications/${submitted.body.id}`);
  expect(submitted.headers.get('x-correlation-id')).toBe(CORRELATION_ID);
  const eligible = submitted.body.id as string;
  const reviewCase = SANDBOX_CASES.find((sandboxCase) => sandboxCase.expected.outcome === 'NEEDS_REVIEW')!;
  const inReview = (await call('POST', '/v1/applications', '/v1/applications', { token: intake, body: reviewCase.application }, 202)).body
    .id as string;
  await call('POST', '/v1/applications', '/v1/applications', { token: intake, body: reviewCase.application, headers }, 422);
  await t.waitForDetermination(eligible, intake);
  await t.waitForDetermination(inReview, intake);

  const read = await call('GET', '/v1/applications/{id}', `/v1/applications/${eligible}`, { token: intake }, 200);
  expect(read.body.determination.outcome).toBe('ELIGIBLE');
  expect((await call('GET', '/v1/applications', '/v1/applications?limit=1', { token: intake }, 200)).body.nextCursor).toEqual(
    expect.any(String),
  );

  // The review queue, to a decision.
  const queue = `/v1/reviews/${inReview}`;
  expect((await call('GET', '/v1/reviews', '/v1/reviews', { token: reviewer }, 200)).body.items).toHaveLength(1);
  await call('POST', '/v1/reviews/{applicationId}/claim', `${queue}/claim`, { token: reviewer }, 200);
  const decision = { token: reviewer, body: { decision: 'APPROVED', reason: REASON } };
  await call('POST', '/v1/reviews/{applicationId}/decision', `${queue}/decision`, decision, 200);
  await call('POST', '/v1/reviews/{applicationId}/decision', `${queue}/decision`, decision, 409);
  expect(
    (await call('GET', '/v1/applications/{id}', `/v1/applications/${inReview}`, { token: reviewer }, 200)).body.decision,
  ).toMatchObject({ decision: 'APPROVED' });
  await call('POST', '/v1/reviews', '/v1/reviews', { token: reviewer, body: { applicationId: eligible, reason: REASON } }, 201);
  expect((await call('GET', '/v1/reviews', '/v1/reviews', { token: reviewer }, 200)).body.items[0]).toMatchObject({
    origin: 'REQUESTED',
    requestReason: REASON,
  });
  // Determinations wait meanwhile, so that the second re-verification meets the first still under way.
  const determinations = t.app.get<Queue>(getQueueToken(QueueName.Determination));
  await determinations.pause();
  try {
    await call('POST', '/v1/reviews/{applicationId}/reverify', `/v1/reviews/${eligible}/reverify`, { token: reviewer }, 202);
    // A reviewer decided it: its submitter may no longer ask; a reviewer may, once at a time.
    await call('POST', '/v1/applications/{id}/reverify', `/v1/applications/${inReview}/reverify`, { token: intake }, 409);
    await call('POST', '/v1/applications/{id}/reverify', `/v1/applications/${inReview}/reverify`, { token: reviewer }, 202);
    await call('POST', '/v1/applications/{id}/reverify', `/v1/applications/${inReview}/reverify`, { token: reviewer }, 409);
  } finally {
    await determinations.resume();
  }

  // The audit log, sealed and signed up to here.
  await t.auditSealed();
  await call('GET', '/v1/audit-events', '/v1/audit-events?limit=2', { token: auditor }, 200);
  const head = (await call('GET', '/v1/audit-events/checkpoint', '/v1/audit-events/checkpoint', { token: auditor }, 200)).body;
  await call('GET', '/v1/audit-events/keys', '/v1/audit-events/keys', { token: auditor }, 200);
  const verified = `/v1/audit-events/verify?checkpoint=${head.checkpoint}`;
  // The re-verifications above may still add events: the log holds at least what was signed.
  const answer = (await call('GET', '/v1/audit-events/verify', verified, { token: auditor }, 200)).body;
  expect(answer).toMatchObject({ valid: true, full: true, checkpoint: head.payload });
  expect(answer.events).toBeGreaterThanOrEqual(head.payload.sequence);
  expect((await call('GET', '/v1/audit-events/verify', '/v1/audit-events/verify', { token: auditor }, 200)).body).toMatchObject({
    valid: true,
    full: false,
  });
  await call('GET', '/v1/audit-events/verify', '/v1/audit-events/verify?checkpoint=a.b.c', { token: auditor }, 400);

  // Health, and the errors the framework gives before a handler runs.
  for (const path of ['/health/live', '/health', '/health/ready']) await call('GET', path, path, {}, 200);
  await call('GET', '/v1/applications/{id}', `/v1/applications/${NO_SUCH_ID}`, { token: intake }, 404);
  await call('POST', '/v1/applications', '/v1/applications', { token: intake, body: { ...example.value, members: [] } }, 400);
  await call(
    'POST',
    '/v1/applications',
    '/v1/applications',
    { token: intake, rawBody: '<a/>', headers: { 'content-type': 'application/xml' } },
    415,
  );
  await call(
    'POST',
    '/v1/applications',
    '/v1/applications',
    { token: intake, rawBody: `"${'x'.repeat(1024 * 1024)}"`, headers: { 'content-type': 'application/json' } },
    413,
  );
  await call('GET', '/v1/audit-events', '/v1/audit-events', { token: intake }, 403);
  expect(problems).toEqual([]);
});

it('serves the Swagger UI at /docs from its own scripts, none inline', async () => {
  const page = await t.request('GET', '/docs');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThanOrEqual(3);
  expect(page.text).not.toMatch(/\son[a-z]+\s*=/i);
  for (const [, attributes, inline] of scripts) {
    expect(inline.trim()).toBe('');
    const src = /\bsrc=["']([^"']+)["']/.exec(attributes)?.[1];
    expect(src).toBeDefined();
    const script = await fetch(new URL(src!, `${t.baseUrl}/docs`));
    expect(`${src} → ${script.status} ${script.headers.get('content-type')}`).toMatch(/ → 200 application\/javascript/);
    if (src!.endsWith('swagger-ui-init.js')) expect(await script.text()).toContain('"/v1/applications"');
    else await script.arrayBuffer();
  }
});

it('is not served by a worker process, which has no API', async () => {
  const worker = await startTestApp('sqlite', { SERVICE_MODE: 'worker' });
  try {
    expect((await worker.request('GET', '/health/live')).status).toBe(200);
    expect((await worker.request('GET', '/docs-json')).status).toBe(404);
    expect((await worker.request('GET', '/docs')).status).toBe(404);
  } finally {
    await worker.close();
  }
});
