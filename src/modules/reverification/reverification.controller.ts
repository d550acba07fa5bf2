import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../core/errors/domain.error.js';
import { CorrelationId } from '../../core/http/correlation-id.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { RunReportQueryDto } from './dto/run-report.query.dto.js';
import { StartReverificationRunRequestDto } from './dto/start-reverification-run.request.dto.js';
import { GetReverificationRunDocs, StartReverificationRunDocs } from './reverification.api-docs.js';
import { ReverificationRunsService } from './reverification-runs.service.js';

const runIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('The re-verification run') });

/**
 * Runs re-verify households that others submitted, a whole region at a time, so intake staff
 * (who reach only their own submissions) may not start or read them; reviewers may, like a
 * re-verification of one application, within the region of their token; auditors read them.
 */
@Controller('v1/reverification-runs')
export class ReverificationController {
  constructor(private readonly runs: ReverificationRunsService) {}

  @Post()
  @HttpCode(202)
  @Roles('reviewer')
  @StartReverificationRunDocs()
  async start(
    @CurrentPrincipal() principal: Principal,
    @Body() body: StartReverificationRunRequestDto,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const accepted = await this.runs.start(principal, body, correlationId);
    void reply.header('location', `/v1/reverification-runs/${accepted.id}`);
    return accepted;
  }

  @Get(':id')
  @Roles('reviewer', 'auditor')
  @GetReverificationRunDocs()
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', runIdPipe) id: string,
    @Query() query: RunReportQueryDto,
    @CorrelationId() correlationId: string,
  ) {
    return this.runs.get(principal, id, query, correlationId);
  }
}
