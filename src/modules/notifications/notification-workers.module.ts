import { Module } from '@nestjs/common';
import { ApplicationRecordsModule } from '../applications/application-records.module.js';
import { ReviewQueueModule } from '../review/review-queue.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { NotificationProcessor } from './notification.processor.js';
import { NotificationSweeper } from './notification.sweeper.js';
import { NotificationsModule } from './notifications.module.js';
import { WebhookFactsReader } from './webhook-facts.reader.js';
import { WebhookClient } from './webhook.client.js';

/** The webhook's delivery: the Notifications worker and the sweeper of pending events; left out in `api` mode. */
@Module({
  imports: [NotificationsModule, ApplicationRecordsModule, ReviewQueueModule, VerificationModule],
  providers: [WebhookClient, WebhookFactsReader, NotificationProcessor, NotificationSweeper],
})
export class NotificationWorkersModule {}
