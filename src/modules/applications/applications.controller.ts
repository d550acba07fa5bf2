import { Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../core/errors/domain.error.js';
import { CorrelationId } from '../../core/http/correlation-id.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApplicationReadsService } from './application-reads.service.js';
import {
  GetApplicationDocs,
  ListApplicationsDocs,
  RevealIdNumberDocs,
  ReverifyApplicationDocs,
  SubmitApplicationDocs,
} from './applications.api-docs.js';
import { ApplicationsService } from './applications.service.js';
import { CreateApplicationRequestDto } from './dto/create-application.request.dto.js';
import { GetApplicationQueryDto } from './dto/get-application.query.dto.js';
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
    @Query() query: GetApplicationQueryDto,
    @CorrelationId() correlationId: string,
  ) {
    return this.reads.get(principal, id, correlationId, query.idNumbers);
  }

  @Get(':id/members/:memberIndex/id-number')
  @Roles('intake', 'reviewer', 'auditor')
  @RevealIdNumberDocs()
  revealIdNumber(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string,
    @Param('memberIndex', new ParseIntPipe({ exceptionFactory: notFound })) memberIndex: number,
    @CorrelationId() correlationId: string,
  ) {
    if (memberIndex < 0 || memberIndex > 29) throw notFound();
    return this.reads.revealIdNumber(principal, id, memberIndex, correlationId);
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
