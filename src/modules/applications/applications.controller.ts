import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../core/errors/domain.error.js';
import { CorrelationId } from '../../core/http/correlation-id.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApplicationReadsService } from './application-reads.service.js';
import { GetApplicationDocs, ListApplicationsDocs, ReverifyApplicationDocs, SubmitApplicationDocs } from './applications.api-docs.js';
import { ApplicationsService } from './applications.service.js';
import { CreateApplicationRequestDto } from './dto/create-application.request.dto.js';
import { ListApplicationsQueryDto } from './dto/list-applications.query.dto.js';

const notFound = () => DomainError.notFound('The application');

@Controller('v1/applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly reads: ApplicationReadsService,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles('intake')
  @SubmitApplicationDocs()
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApplicationRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (idempotencyKey !== undefined && !/^[\x21-\x7E]{1,200}$/.test(idempotencyKey)) {
      throw DomainError.validation([{ path: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 200 printable ASCII characters' }]);
    }
    const accepted = await this.applications.submit(principal, body, idempotencyKey, correlationId);
    void reply.header('location', `/v1/applications/${accepted.id}`);
    return accepted;
  }

  @Get()
  @Roles('intake', 'reviewer', 'auditor')
  @ListApplicationsDocs()
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListApplicationsQueryDto, @CorrelationId() correlationId: string) {
    return this.reads.list(principal, query, correlationId);
  }

  @Get(':id')
  @Roles('intake', 'reviewer', 'auditor')
  @GetApplicationDocs()
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string,
    @CorrelationId() correlationId: string,
  ) {
    return this.reads.get(principal, id, correlationId);
  }

  @Post(':id/reverify')
  @HttpCode(202)
  @Roles('intake', 'reviewer')
  @ReverifyApplicationDocs()
  async reverify(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const accepted = await this.applications.reverify(principal, id, correlationId);
    void reply.header('location', `/v1/applications/${id}`);
    return accepted;
  }
}
