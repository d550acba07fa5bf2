import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath, type ResponseObject } from '@nestjs/swagger';
import type { FieldProblem } from '../errors/domain.error.js';
import { ProblemDetailsDto } from '../errors/problem-details.dto.js';
import { problem } from '../errors/problem-details.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** What a problem answer of an operation means there, and optionally the detail, errors and extension members of its example. */
export type ProblemDoc = string | { description: string; detail?: string; errors?: FieldProblem[]; extensions?: Record<string, unknown> };

/** The detail each example shows unless the operation gives its own: the service's own wording. */
const EXAMPLE_DETAIL: Record<ProblemStatus, string> = {
  400: 'The request body is not valid; see errors.',
  401: 'An Authorization: Bearer token is required.',
  403: 'The token does not carry a role allowed here.',
  404: 'The application was not found.',
  409: 'A verification of this application is already under way.',
  413: 'The request body is larger than 1 MiB.',
  415: 'The request body must be application/json.',
  422: 'No policy version covers this region on the application date.',
  429: 'Too many requests: at most 600 every 60 s; retry after 12 s.',
  500: 'The request could not be completed.',
  503: 'The database is unavailable; try again shortly.',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before trying again, when the service can tell.', schema: { type: 'integer' } },
};

/** An OpenAPI response object for one problem answer, with the shared ProblemDetails schema and an example body. */
export function problemResponse(status: ProblemStatus, doc: ProblemDoc, schemaRef = getSchemaPath(ProblemDetailsDto)): ResponseObject {
  const { description, detail, errors, extensions } = typeof doc === 'string' ? { description: doc } : doc;
  return {
    description,
    ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
    content: {
      [PROBLEM_MEDIA_TYPE]: {
        schema: { $ref: schemaRef },
        example: problem(status, detail ?? EXAMPLE_DETAIL[status], { ...(errors ? { errors } : {}), extensions }),
      },
    },
  };
}

/**
 * The problem answers an operation gives beyond those of every operation (401/403 for its roles,
 * 429, 500 and 503 are added to the document as a whole), each with what it means there.
 */
export function ApiProblems(problems: Partial<Record<ProblemStatus, ProblemDoc>>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(problems).map(([status, doc]) =>
      ApiResponse({ status: Number(status), ...problemResponse(Number(status) as ProblemStatus, doc as ProblemDoc) }),
    ),
  );
}

/** The answers Fastify itself gives to a request body it cannot take, before the handler runs. */
export const BODY_PROBLEMS = {
  413: 'The request body is larger than 1 MiB.',
  415: 'The request body is not JSON (`Content-Type: application/json`).',
} satisfies Partial<Record<ProblemStatus, ProblemDoc>>;
