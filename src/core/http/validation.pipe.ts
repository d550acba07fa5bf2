import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain.error.js';
import { toFieldProblems } from '../errors/validation-problems.js';
import { jsonShapeProblems } from './json-shape.js';

/**
 * Request bodies and queries are checked against their DTOs; unknown fields are refused, not
 * ignored, and every problem is reported with its path. What a DTO cannot see (nesting too
 * deep, keys named like Object.prototype members, strings that cannot be stored as given) is
 * refused first, before the body is transformed.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = jsonShapeProblems(value);
      if (problems.length > 0) throw DomainError.validation(problems);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(toFieldProblems(errors)),
  });
}
