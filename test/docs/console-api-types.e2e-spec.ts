import { readFileSync } from 'node:fs';
import { CONSOLE_API_TYPES, openApiTypes } from '../../src/tools/openapi-types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The console's API types (console/src/api/schema.d.ts) are generated from the OpenAPI document
 * the service serves; a change to the API without `npm run console:api-types` fails here.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp('sqlite');
});

afterAll(async () => {
  await t?.close();
});

it('matches the types generated from /docs-json, character for character', async () => {
  const document = await t.request('GET', '/docs-json');
  expect(document.status).toBe(200);
  const expected = await openApiTypes(document.body);
  const committed = readFileSync(CONSOLE_API_TYPES, 'utf8');
  // One line to look at when it fails, rather than the whole file.
  const firstDifference = committed.split('\n').findIndex((line, index) => line !== expected.split('\n')[index]);
  expect({ firstDifference, line: committed.split('\n')[firstDifference] }).toEqual({ firstDifference: -1, line: undefined });
  expect(committed).toBe(expected);
});
