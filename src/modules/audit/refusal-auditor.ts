import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RefusalRecorder, type RefusalStatus } from '../../core/errors/refusal-recorder.js';
import { ApplicationsRepository } from '../applications/applications.repository.js';
import { reachOf } from '../applications/applications.service.js';
import type { Principal } from '../auth/principal.js';
import { AuditLog } from './audit-log.js';
import { actorOf } from './audit.types.js';
import { namedApplication, refusedAction } from './refusal-actions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records each refused /v1 request (403 DENIED, 409 CONFLICT) as an audit event of its own
 * transaction, under the action it tried, so that an auditor sees the attempts and not only
 * the successes. Only a request whose token verified is recorded (the guard has put its
 * principal on the request): a 401 names nobody. The application is recorded only when the
 * caller may reach it, so that the log never tells which ids exist beyond it.
 */
@Injectable()
export class RefusalAuditor extends RefusalRecorder {
  constructor(
    private readonly auditLog: AuditLog,
    private readonly applications: ApplicationsRepository,
  ) {
    super();
  }

  async record(request: FastifyRequest, status: RefusalStatus): Promise<void> {
    const principal = (request as FastifyRequest & { principal?: Principal }).principal;
    if (!principal || !request.url.startsWith('/v1/')) return;
    const attempted = refusedAction(request.method, request.routeOptions.url);
    await this.auditLog.record({
      actor: actorOf(principal),
      action: attempted.action,
      applicationId: await this.reachable(principal, namedApplication(attempted.applicationIn, request)),
      correlationId: request.id,
      outcome: status === 403 ? 'DENIED' : 'CONFLICT',
    });
  }

  private async reachable(principal: Principal, named: unknown): Promise<string | null> {
    if (typeof named !== 'string' || !UUID.test(named)) return null;
    const application = await this.applications.findReachable(named.toLowerCase(), reachOf(principal));
    return application?.id ?? null;
  }
}
