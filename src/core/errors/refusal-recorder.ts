import type { FastifyRequest } from 'fastify';

/** The statuses of a refusal: a caller not allowed (403), or a request the state of things refuses (409). */
export type RefusalStatus = 403 | 409;

/**
 * Told of every refused request before its answer leaves, so that refusals leave a trace (the
 * audit module records them). A port of core that the exception filter calls, so that core
 * depends on no feature module; absent where no API is served.
 */
export abstract class RefusalRecorder {
  /** Must not throw: a refusal that cannot be recorded is logged, and the answer still goes out. */
  abstract record(request: FastifyRequest, status: RefusalStatus): Promise<void>;
}
