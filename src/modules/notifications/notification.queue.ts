import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import { DEFAULT_JOB_OPTIONS } from '../../core/queue/job-options.js';
import { JobName, type NotificationJobData, QueueName } from '../../core/queue/queue.types.js';
import { subjectOf } from './webhook-event.js';

/**
 * Puts webhook events on the Notifications queue. The job id derives from the event, so that
 * enqueuing one event again (the sweeper, a repeated call) adds nothing while its job exists.
 * Each job makes WEBHOOK_MAX_ATTEMPTS calls at most, with exponential backoff and jitter.
 */
@Injectable()
export class NotificationQueue {
  constructor(
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue<NotificationJobData>,
    private readonly config: AppConfig,
  ) {}

  async enqueue(data: NotificationJobData): Promise<void> {
    await this.queue.add(JobName.DeliverWebhook, data, {
      ...DEFAULT_JOB_OPTIONS,
      jobId: `notify-${data.type}-${subjectOf(data)}`,
      attempts: this.config.WEBHOOK_MAX_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.WEBHOOK_RETRY_BASE_MS, jitter: 0.5 },
    });
  }
}
