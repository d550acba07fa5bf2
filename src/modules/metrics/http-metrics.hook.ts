import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.service.js';

/** The route label of a request that matched no route: scanners' URLs must not each become a series. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every HTTP request, labelled with its route pattern (`/v1/applications/:id`), never
 * the URL itself, so that ids neither multiply the series nor reach the metrics.
 */
export function observeHttpRequests(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpRequest(request.method, request.routeOptions.url ?? UNMATCHED_ROUTE, reply.statusCode, reply.elapsedTime / 1000);
  });
}
