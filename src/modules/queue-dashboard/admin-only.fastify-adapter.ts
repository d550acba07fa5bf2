import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors/domain.error.js';
import { ProblemDetailsFilter } from '../../core/errors/problem-details.filter.js';
import { TokenService } from '../auth/token.service.js';

/** The dashboard's routes are Fastify's own, outside Nest's guards and filters: this is their problem+json. */
const problems = new ProblemDetailsFilter();

/**
 * bull-board's Fastify adapter with an admin check in front of every route it registers: the
 * page, its static assets and its API. The hook belongs to the plugin's own encapsulation
 * context, so it covers exactly the dashboard's routes, whatever URL reaches them.
 */
export function adminOnlyFastifyAdapter(tokens: TokenService): new () => FastifyAdapter {
  return class AdminOnlyFastifyAdapter extends FastifyAdapter {
    override registerPlugin(): FastifyPluginCallback {
      const dashboard = super.registerPlugin();
      return (fastify, options, done) => {
        fastify.addHook('onRequest', (request, reply) => requireAdmin(tokens, request, reply));
        dashboard(fastify, options, done);
      };
    }
  };
}

/** 401 without a valid bearer token, 403 without the admin role, as the API's AuthGuard answers. */
async function requireAdmin(tokens: TokenService, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  try {
    const principal = await tokens.principalOf(request);
    if (!principal.roles.includes('admin')) throw new DomainError('FORBIDDEN', 'The queue dashboard is for the admin role only.');
    return undefined;
  } catch (error) {
    const body = problems.toProblem(error);
    return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
  }
}
