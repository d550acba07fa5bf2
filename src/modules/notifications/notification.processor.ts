import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import type { JobHandlers } from '../../core/queue/job-handlers.js';
import { JobName, QueueName, type TypedJob } from '../../core/queue/queue.types.js';
import { failedForGood } from '../../core/queue/failed-for-good.js';
import { ServiceWorkerHost } from '../../core/queue/service-worker.host.js';
import { Clock } from '../../core/time/clock.js';
import { webhookBody } from './webhook-event.js';
import { WebhookEventsRepository } from './webhook-events.repository.js';
import { WebhookFactsReader } from './webhook-facts.reader.js';
import { WebhookClient, WebhookDeliveryError } from './webhook.client.js';

/**
 * Delivers one webhook event per job: reads what it announces from the database, makes one
 * signed call, and records the event DELIVERED. A failure the receiver may get past (a
 * timeout, a network error, 408, 429, 5xx) is thrown for BullMQ to retry with backoff; a
 * refusal (another 4xx) fails the job at once. Either way the event is recorded FAILED once
 * the job has failed for good, so that the sweeper leaves it alone.
 */
// `autorun: false`: ServiceWorkerHost starts the worker once its options are set.
@Processor(QueueName.Notifications, { autorun: false })
export class NotificationProcessor extends ServiceWorkerHost<JobName.DeliverWebhook> {
  constructor(
    private readonly events: WebhookEventsRepository,
    private readonly facts: WebhookFactsReader,
    private readonly client: WebhookClient,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    super(config);
  }

  protected readonly handlers: JobHandlers<JobName.DeliverWebhook> = {
    [JobName.DeliverWebhook]: (job) => this.deliver(job),
  };

  private async deliver(job: TypedJob<JobName.DeliverWebhook>): Promise<void> {
    const { eventId, type } = job.data;
    const facts = await this.facts.find(job.data);
    if (!facts) throw new UnrecoverableError('What the event announces is no longer stored');
    let status: number;
    try {
      status = await this.client.send({ eventId, type, body: webhookBody(eventId, type, facts) });
    } catch (error) {
      if (error instanceof WebhookDeliveryError && !error.retryable) {
        throw Object.assign(new UnrecoverableError(error.message), { status: error.status });
      }
      throw error;
    }
    const attempts = job.attemptsMade + 1;
    await this.events.finish(eventId, {
      status: 'DELIVERED',
      attempts,
      responseStatus: status,
      finishedAt: this.clock.now().toISOString(),
    });
    this.logger.log({ eventId, type, correlationId: job.data.correlationId, attempts, status }, 'Webhook event delivered');
  }

  @OnWorkerEvent('failed')
  async onCallFailed(job: TypedJob<JobName.DeliverWebhook> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const { eventId, type, correlationId } = job.data;
    // Only this module's errors have their message logged: it names a status or a network error code, nothing else.
    const status = (error as { status?: number | null }).status;
    const context = { eventId, type, correlationId, attemptsMade: job.attemptsMade, status: status ?? null };
    const reason = status !== undefined ? error.message : error.name;
    if (!failedForGood(job, error)) {
      this.logger.warn({ ...context, reason }, 'Webhook call failed; it will be retried');
      return;
    }
    this.logger.error({ ...context, reason }, 'Webhook event given up');
    const end = { status: 'FAILED' as const, attempts: job.attemptsMade, responseStatus: status ?? null };
    await this.events.finish(eventId, { ...end, finishedAt: this.clock.now().toISOString() }).catch((cause: Error) => {
      this.logger.warn({ eventId, error: cause.name }, 'Webhook event not recorded as failed');
    });
  }
}
