import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '../config/app.config.js';
import { ProblemDetailsDto } from '../errors/problem-details.dto.js';
import { applyHttpConventions, BEARER_SCHEME } from './openapi-conventions.js';

/** Where the Swagger UI is served; the document is at `/docs-json` (and `/docs-yaml`). */
export const DOCS_PATH = 'docs';

const DESCRIPTION = `Household economic-status verification for social assistance: intake of applications, registry cross-checks, eligibility determinations, the review queue and the audit log.

**Authentication.** Every \`/v1\` endpoint needs \`Authorization: Bearer <JWT>\`, signed with HS256 (AUTH_JWT_SECRET) or with RS256/ES256 by an identity provider whose keys the service reads from its JWKS (AUTH_JWKS_URL). Claims: \`sub\` (the staff member), \`roles\` (array), \`exp\`, optionally \`iat\` (a token valid for longer than AUTH_MAX_TOKEN_TTL_S, 12 h by default, is refused), \`iss\` and \`aud\` where the deployment checks them, and optionally \`region\` (a region code that limits the holder to applications in that region: a county code exactly, a prefecture or province code by prefix). No token or a bad one: 401. A valid token without an allowed role: 403. An application outside the caller's reach: 404, so that its existence does not leak. Each operation names the roles it admits in its description and in \`x-roles\`.

| role | may |
| --- | --- |
| \`intake\` | submit applications; read the applications it submitted; ask for re-verification of them |
| \`reviewer\` | everything \`intake\` may read, for any application in its region; work the review queue |
| \`auditor\` | read applications and the audit log; change nothing |
| \`admin\` | everything, and the operational endpoints |

**Lists** answer \`{ "items": [...], "nextCursor": "..." }\` (\`nextCursor\` null on the last page); \`limit\` defaults to 20, at most 100; a cursor is opaque.

**Errors** are \`application/problem+json\` (RFC 9457): \`type\`, \`title\`, \`status\`, \`detail\`, and for validation errors \`errors: [{ "path", "message" }]\`, one entry per problem, the path in the request body's own terms. No error body carries a stack trace, SQL or another person's data.

**Correlation.** Send \`X-Correlation-Id\` (a UUID) to have it carried into logs, jobs and audit events; every answer carries the one used.`;

/**
 * Serves the OpenAPI document at `/docs-json` and the Swagger UI at `/docs`, both without a
 * token, in the processes that serve the API (`api` and `all`); a worker has no API to describe.
 * The document is built on its first request, from the controllers' decorators.
 */
export function setupOpenApi(app: INestApplication, config: AppConfig): void {
  if (config.SERVICE_MODE === 'worker') return;
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    yamlDocumentUrl: `${DOCS_PATH}-yaml`,
    customSiteTitle: 'Hedui API',
    // The page loads only its own scripts (no inline script), so a strict script-src can stay.
    swaggerOptions: { persistAuthorization: false, displayOperationId: true },
  });
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Hedui')
    .setDescription(DESCRIPTION)
    .setOpenAPIVersion('3.1.0')
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'A JWT signed with HS256, or with RS256/ES256 by the identity provider (claims `sub`, `roles`, `exp`, optional `iat` and `region`; `iss` and `aud` where configured).',
      },
      BEARER_SCHEME,
    )
    .addTag('applications', 'Intake and reading of applications')
    .addTag('reviews', 'The review queue: claims, decisions, four eyes')
    .addTag('audit', 'The hash-chained audit log')
    .addTag('session', 'Who the bearer token names')
    .addTag('health', 'Liveness and readiness, without a token')
    .build();
  const document = SwaggerModule.createDocument(app, info, {
    extraModels: [ProblemDetailsDto],
    autoTagControllers: false,
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  return applyHttpConventions(document);
}
