import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { problemResponse, type ProblemStatus } from './api-problems.decorator.js';

export const BEARER_SCHEME = 'bearer';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * What holds for every operation, applied once to the whole document rather than repeated on
 * each endpoint: the correlation header both ways; for an operation that names its roles
 * (`x-roles`, from `@Roles`), the bearer scheme, 401 and 403 and the roles in its description;
 * 429 on the rate-limited `/v1` API; 500 and 503 everywhere.
 */
export function applyHttpConventions(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    parameters: { ...document.components?.parameters, CorrelationId: CORRELATION_PARAMETER },
    headers: { ...document.components?.headers, CorrelationId: CORRELATION_HEADER },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) applyToOperation(path, operation);
    }
  }
  return document;
}

function applyToOperation(path: string, operation: OperationObject): void {
  // A handler served at several paths (`/health/live` and `/health`) gets `_1`, `_2` … after the first.
  operation.operationId = operation.operationId?.replace(/\[(\d+)\]$/, (_, index: string) => (index === '0' ? '' : `_${index}`));
  operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/CorrelationId' }];
  const roles = (operation as { 'x-roles'?: string[] })['x-roles'];
  if (roles) {
    operation.security = [{ [BEARER_SCHEME]: [] }];
    addProblem(operation, 401, 'No bearer token, or one that is malformed, badly signed or expired.');
    addProblem(operation, 403, `The token carries none of the roles admitted here (${roles.join(', ')}).`);
    operation.description = `**Roles:** ${roles.map((role) => `\`${role}\``).join(', ')}.\n\n${operation.description ?? ''}`.trim();
  }
  if (path.startsWith('/v1/')) addProblem(operation, 429, 'Too many requests from this caller; wait as `Retry-After` says.');
  addProblem(operation, 500, 'An unexpected error; its cause is logged, never shown.');
  addProblem(operation, 503, 'The database is unavailable, or the process is shutting down (`Retry-After`).');
  for (const response of Object.values(operation.responses) as ResponseObject[]) {
    response.headers = { ...response.headers, 'X-Correlation-Id': { $ref: '#/components/headers/CorrelationId' } };
  }
}

/** Adds a problem answer unless the operation describes that status itself. */
function addProblem(operation: OperationObject, status: ProblemStatus, description: string): void {
  operation.responses[status] ??= problemResponse(status, description);
}

const CORRELATION_PARAMETER = {
  name: 'X-Correlation-Id',
  in: 'header' as const,
  required: false,
  description: 'A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one.',
  schema: { type: 'string' as const, format: 'uuid' },
};

const CORRELATION_HEADER = {
  description: 'The correlation id of the request: the one sent, or a new UUID.',
  schema: { type: 'string' as const, format: 'uuid' },
};
