import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PROBLEM_TYPE_BASE } from './problem-details.js';

/** One problem of a refused request, as `errors[]` lists it (the OpenAPI schema of `FieldProblem`). */
@ApiSchema({ name: 'FieldProblem' })
export class FieldProblemDto {
  @ApiProperty({
    description: 'The field in the request body’s own terms (or the query parameter or header).',
    example: 'members[1].idNumber',
  })
  path: string;

  @ApiProperty({ example: 'members[1].idNumber must be a valid identity number (GB 11643)' })
  message: string;
}

/** The RFC 9457 body of every error (the OpenAPI schema of `ProblemDetails`). */
@ApiSchema({ name: 'ProblemDetails' })
export class ProblemDetailsDto {
  @ApiProperty({ format: 'uri', example: `${PROBLEM_TYPE_BASE}bad-request` })
  type: string;

  @ApiProperty({ example: 'Bad request' })
  title: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 })
  status: number;

  @ApiProperty({
    description: 'What went wrong, for a person to read; never personal data.',
    example: 'The request body is not valid; see errors.',
  })
  detail: string;

  @ApiPropertyOptional({ description: 'The request path, on a request turned away during shutdown.' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Validation errors only: one entry per problem.' })
  errors?: FieldProblemDto[];
}
