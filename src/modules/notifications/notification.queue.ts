import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../core/config/app.config.js';
import { addJob } from '../../core/queue/job-producer.js';
import { JobName, type NotificationJobData, QueueName } from '../../core/queue/queue.types.js';

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
    await addJob(
      this.queue,
      { name: JobName.DeliverWebhook, data },
      {
        attempts: this.config.WEBHOOK_MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.config.WEBHOOK_RETRY_BASE_MS, jitter: 0.5 },
      },
    );
  }
}
