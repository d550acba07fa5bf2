import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { ReviewController } from './review.controller.js';
import { ReviewQueueModule } from './review-queue.module.js';
import { ReviewService } from './review.service.js';

@Module({
  imports: [ApplicationsModule, ReviewQueueModule, NotificationsModule, VerificationModule],
  controllers: [ReviewController],
  providers: [ReviewService],
})
export class ReviewModule {}
