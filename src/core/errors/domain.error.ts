export type DomainErrorCode =
  'VALIDATION_FAILED' | 'NOT_FOUND' | 'CONFLICT' | 'UNPROCESSABLE' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'UNAVAILABLE';

export interface FieldProblem {
  /** The field in the request body's own terms, e.g. `members[1].idNumber`. */
  path: string;
  message: string;
}

/**
 * What services and guards throw; the problem-details filter turns the code into a status.
 * The detail is shown to the client, so it never carries personal data.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    /** Extension members of the problem body (RFC 9457 §3.2), e.g. the readiness `checks`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }

  static validation(errors: FieldProblem[]): DomainError {
    return new DomainError('VALIDATION_FAILED', 'The request body is not valid; see errors.', errors);
  }

  static notFound(what: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} was not found.`);
  }
}
