import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseUnavailable } from '../database/database-unavailable.js';
import { DomainError, type DomainErrorCode } from './domain.error.js';
import { problem, type ProblemDetails } from './problem-details.js';
import { RefusalRecorder } from './refusal-recorder.js';

const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  UNAVAILABLE: 503,
};

/**
 * Every error leaves as application/problem+json. Only domain errors and the framework's own
 * HTTP errors say what went wrong; anything else is a bare 500 whose cause stays in the log,
 * so no stack trace, SQL or personal data reaches a client.
 *
 * A refusal (a domain error answered 403 or 409, the guard's role check included, which
 * happens before any controller) is first handed to the RefusalRecorder, so that it is
 * recorded before the caller hears of it, after the request's own transaction has rolled back.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Optional() private readonly refusals?: RefusalRecorder) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toProblem(exception);
    const send = () => void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
    const refused = exception instanceof DomainError && (body.status === 403 || body.status === 409);
    if (!refused || !this.refusals) return send();
    this.refusals
      .record(http.getRequest<FastifyRequest>(), body.status as 403 | 409)
      .catch((error: unknown) => this.logger.warn({ err: { type: (error as Error)?.name } }, 'Refusal not recorded'))
      .finally(send);
  }

  toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      const status = STATUS_BY_CODE[exception.code];
      return problem(status, exception.detail, {
        ...(exception.errors.length ? { errors: exception.errors } : {}),
        extensions: exception.extensions,
      });
    }
    if (exception instanceof HttpException) {
      return problem(exception.getStatus(), httpDetail(exception));
    }
    if (databaseUnavailable(exception)) {
      // Expected while the database is down or overloaded: a warning naming the error's kind, not a stack per request.
      const { name, code } = exception as { name?: unknown; code?: unknown };
      this.logger.warn({ err: { type: name, code } }, 'Database unavailable');
      return problem(503, 'The database is unavailable; try again shortly.');
    }
    const status = frameworkStatus(exception);
    if (status !== undefined && status < 500) {
      return problem(status, frameworkDetail(status));
    }
    this.logger.error({ err: describe(exception) }, 'Unhandled error');
    return problem(500, 'The request could not be completed.');
  }
}

function httpDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = (response as { message: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return exception.message;
}

/** Fastify's own errors (body too large, malformed JSON, wrong content type) carry a statusCode. */
function frameworkStatus(exception: unknown): number | undefined {
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function frameworkDetail(status: number): string {
  switch (status) {
    case 413:
      return 'The request body is larger than 1 MiB.';
    case 415:
      return 'The request body must be application/json.';
    case 400:
      return 'The request body is not valid JSON.';
    default:
      return 'The request could not be processed.';
  }
}

/**
 * The error's name, code and where it was thrown. A database error's message can quote the
 * row it refused (an identity number in a unique-key violation), so it is left out.
 */
function describe(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { type: typeof exception };
  const fromDatabase = 'driverError' in exception || 'query' in exception;
  return {
    type: exception.name,
    code: (exception as { code?: unknown }).code,
    message: fromDatabase ? undefined : exception.message,
    stack: exception.stack?.split('\n').slice(1).join('\n'),
  };
}
