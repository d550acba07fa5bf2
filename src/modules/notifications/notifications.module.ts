import { Module } from '@nestjs/common';
import { NotificationQueue } from './notification.queue.js';
import { NotificationService } from './notification.service.js';
import { WebhookEventsRepository } from './webhook-events.repository.js';

/** Announcing determinations and decisions: what the features that make them call, in every SERVICE_MODE. */
@Module({
  providers: [WebhookEventsRepository, NotificationQueue, NotificationService],
  exports: [WebhookEventsRepository, NotificationService],
})
export class NotificationsModule {}
