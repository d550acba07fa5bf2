import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../../../core/errors/problem-details.dto.js';

@ApiSchema({ name: 'Liveness' })
export class LivenessDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';
}

/** One dependency as the readiness check found it. */
@ApiSchema({ name: 'DependencyCheck' })
export class DependencyCheckDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiPropertyOptional({ type: 'integer', description: 'Database and Redis: milliseconds the ping took.' })
  responseTime?: number;

  @ApiPropertyOptional({ description: 'A down dependency: `unreachable`, or the timeout it ran into.', example: 'unreachable' })
  message?: string;

  @ApiPropertyOptional({
    enum: ['closed', 'open', 'halfOpen', 'sandbox'],
    description:
      'Registries: the circuit breaker, or `sandbox` where the built-in registry answers. An open circuit does not make the service unready.',
  })
  circuit?: string;
}

@ApiSchema({ name: 'ReadinessChecks' })
export class ReadinessChecksDto {
  @ApiProperty({ type: () => DependencyCheckDto })
  database: DependencyCheckDto;

  @ApiProperty({ type: () => DependencyCheckDto })
  redis: DependencyCheckDto;

  @ApiProperty({ type: () => DependencyCheckDto })
  householdRegistry: DependencyCheckDto;

  @ApiProperty({ type: () => DependencyCheckDto })
  vehicleRegistry: DependencyCheckDto;

  @ApiProperty({ type: () => DependencyCheckDto })
  businessRegistry: DependencyCheckDto;
}

const REGISTRY_SANDBOX_DESCRIPTION =
  'Whether the built-in sandbox registry (synthetic data) answers for at least one registry instead of the real one: development, test, or a training deployment started with REGISTRY_SANDBOX=true. Each such registry’s `circuit` reads `sandbox`, and every determination made on its answers carries `facts.registrySandbox: true`.';

@ApiSchema({ name: 'Readiness' })
export class ReadinessDto {
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ description: REGISTRY_SANDBOX_DESCRIPTION })
  registrySandbox: boolean;

  @ApiProperty({ type: () => ReadinessChecksDto })
  checks: ReadinessChecksDto;
}

/**
 * Not ready: the problem body carries the same `checks` member as a ready answer (absent when the
 * request was turned away because the process is shutting down).
 */
@ApiSchema({ name: 'ReadinessProblem' })
export class ReadinessProblemDto extends ProblemDetailsDto {
  @ApiPropertyOptional({ description: REGISTRY_SANDBOX_DESCRIPTION })
  registrySandbox?: boolean;

  @ApiPropertyOptional({ type: () => ReadinessChecksDto })
  checks?: ReadinessChecksDto;
}
