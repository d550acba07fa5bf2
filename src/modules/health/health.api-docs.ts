import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { problemResponse } from '../../core/http/api-problems.decorator.js';
import { LivenessDto, ReadinessDto, ReadinessProblemDto } from './dto/health.response.dto.js';

/** The OpenAPI description of each endpoint of `HealthController`, one decorator per endpoint. */

const TAG = ApiTags('health');

const READY_CHECKS = {
  database: { status: 'up', responseTime: 1 },
  redis: { status: 'up', responseTime: 2 },
  householdRegistry: { status: 'up', circuit: 'closed' },
  vehicleRegistry: { status: 'up', circuit: 'open' },
  businessRegistry: { status: 'up', circuit: 'sandbox' },
};

export const LivenessDocs = () =>
  applyDecorators(
    TAG,
    ApiOperation({
      summary: 'Liveness',
      description:
        'The process is up and serving HTTP; no dependency is consulted, so a database outage does not get the process restarted. Public; `GET /health` is the same.',
    }),
    ApiOkResponse({ type: LivenessDto, description: 'Alive.' }),
  );

export const ReadinessDocs = () =>
  applyDecorators(
    TAG,
    ApiExtraModels(ReadinessProblemDto),
    ApiOperation({
      summary: 'Readiness',
      description:
        'Pings the database and Redis, each for at most HEALTH_CHECK_TIMEOUT_MS, and reports each registry’s circuit (an open circuit does not make the service unready) and whether the built-in sandbox answers for any registry (`registrySandbox`). Public, so it answers from a result at most 1 s old: concurrent probes share one check, and a flood costs at most one database and one Redis ping a second.',
    }),
    ApiOkResponse({
      type: ReadinessDto,
      description: 'Ready: the database and Redis answered.',
      example: { status: 'ok', registrySandbox: true, checks: READY_CHECKS },
    }),
    ApiResponse({
      status: 503,
      ...problemResponse(
        503,
        {
          description: 'Not ready: the database or Redis is down (each down dependency with a `message`), or the process is shutting down.',
          detail: 'Not ready: database is down.',
          extensions: { registrySandbox: true, checks: { ...READY_CHECKS, database: { status: 'down', message: 'unreachable' } } },
        },
        getSchemaPath(ReadinessProblemDto),
      ),
    }),
  );
