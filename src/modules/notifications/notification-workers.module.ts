import { Module } from '@nestjs/common';
import { NotificationProcessor } from './notification.processor.js';
import { NotificationSweeper } from './notification.sweeper.js';
import { NotificationsModule } from './notifications.module.js';
import { WebhookClient } from './webhook.client.js';

/** The webhook's delivery: the Notifications worker and the sweeper of pending events; left out in `api` mode. */
@Module({
  imports: [NotificationsModule],
  providers: [WebhookClient, NotificationProcessor, NotificationSweeper],
})
export class NotificationWorkersModule {}
