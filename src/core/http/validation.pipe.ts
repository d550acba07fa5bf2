import { ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain.error.js';
import { toFieldProblems } from '../errors/validation-problems.js';

/**
 * Request bodies and queries are checked against their DTOs; unknown fields are refused, not
 * ignored, and every problem is reported with its path.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(toFieldProblems(errors)),
  });
}
