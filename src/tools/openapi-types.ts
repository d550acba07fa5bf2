import { execFile } from 'node:child_process';

/** Where the console keeps the API's types, relative to the project root. */
export const CONSOLE_API_TYPES = 'console/src/api/schema.d.ts';

const HEADER = `/**
 * Generated from the service's OpenAPI document by \`npm run console:api-types\`; do not edit.
 * A test (test/docs/console-api-types.e2e-spec.ts) fails when this file and the document disagree.
 */

`;

/**
 * openapi-typescript runs in a Node process of its own: it is an ES module with ES-module
 * dependencies, which Jest (CommonJS mode here) cannot load, and the tool and the test must
 * generate the same text the same way.
 */
const GENERATE = `
import openapiTS, { astToString } from 'openapi-typescript';
let input = '';
for await (const chunk of process.stdin) input += chunk;
process.stdout.write(astToString(await openapiTS(JSON.parse(input), { alphabetize: true })));
`;

/** The TypeScript types (openapi-typescript) of an OpenAPI document, as the console's schema file. */
export function openApiTypes(document: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '--eval', GENERATE],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`openapi-typescript failed: ${stderr || error.message}`)) : resolve(HEADER + stdout),
    );
    child.stdin!.end(JSON.stringify(document));
  });
}
