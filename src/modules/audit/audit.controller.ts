import { Controller, Get, Query } from '@nestjs/common';
import { CorrelationId } from '../../core/http/correlation-id.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { AuditCheckpointDocs, AuditKeysDocs, ListAuditEventsDocs, VerifyAuditChainDocs } from './audit.api-docs.js';
import { AuditTrailService } from './audit-trail.service.js';
import { ListAuditEventsQueryDto, VerifyAuditChainQueryDto } from './dto/list-audit-events.query.dto.js';
import { AuditVerificationService } from './verify/audit-verification.service.js';

@Controller('v1/audit-events')
@Roles('auditor')
export class AuditController {
  constructor(
    private readonly trail: AuditTrailService,
    private readonly verification: AuditVerificationService,
  ) {}

  /** Who did what to which application and when, oldest first. */
  @Get()
  @ListAuditEventsDocs()
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListAuditEventsQueryDto, @CorrelationId() correlationId: string) {
    return this.trail.list(principal, query, correlationId);
  }

  @Get('verify')
  @VerifyAuditChainDocs()
  verify(@Query() query: VerifyAuditChainQueryDto) {
    return this.verification.verify({ checkpoint: query.checkpoint, full: query.full === 'true' });
  }

  @Get('checkpoint')
  @AuditCheckpointDocs()
  checkpoint() {
    return this.trail.checkpoint();
  }

  @Get('keys')
  @AuditKeysDocs()
  keys() {
    return this.trail.keySet();
  }
}
