import { AsyncLocalStorage } from 'node:async_hooks';

const jobContext = new AsyncLocalStorage<{ correlationId: string }>();

/**
 * Runs a job's work with its correlation id in scope, so that every log line written on the
 * way (by the job's services, the registry clients, anything they call) carries it, whether
 * or not the call that writes it names it.
 */
export function runWithCorrelationId<T>(correlationId: string, work: () => T): T {
  return jobContext.run({ correlationId }, work);
}

/** The fields a log line written inside a job gets (pino's `mixin`): its correlation id; nothing elsewhere. */
export function jobLogFields(): { correlationId?: string } {
  const context = jobContext.getStore();
  return context ? { correlationId: context.correlationId } : {};
}
