import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from './auth.decorators.js';
import type { Principal } from './principal.js';
import { SessionResponseDto } from './dto/session.response.dto.js';

/**
 * `GET /v1/session`: who the bearer token names. Any valid token may ask (every role is listed,
 * admin always admitted); the answer is only what the token itself says, no personal data, so
 * the read is not audited. The console shows it after sign-in.
 */
@Controller('v1/session')
export class SessionController {
  @Get()
  @Roles('intake', 'reviewer', 'auditor')
  @ApiTags('session')
  @ApiOperation({
    summary: 'The caller’s session',
    description:
      'The token’s `sub`, `roles` and `region` (when it has one), as the service verified them. Nothing is read from the database and nothing is recorded.',
  })
  @ApiOkResponse({ type: SessionResponseDto, description: 'Who the token names.' })
  session(@CurrentPrincipal() principal: Principal): SessionResponseDto {
    return { sub: principal.sub, roles: [...principal.roles], ...(principal.region ? { region: principal.region } : {}) };
  }
}
