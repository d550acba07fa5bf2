import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the console keeps the API's types, relative to the project root. */
export const CONSOLE_API_TYPES = 'console/src/api/schema.d.ts';

const HEADER = `/**
 * Generated from the service's OpenAPI document by \`npm run console:api-types\`; do not edit.
 * A test (test/docs/console-api-types.e2e-spec.ts) fails when this file and the document disagree.
 */

`;

/** The TypeScript types (openapi-typescript) of an OpenAPI document, as the console's schema file. */
export async function openApiTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, { alphabetize: true });
  return HEADER + astToString(ast);
}
