import { Module } from '@nestjs/common';
import { ReviewQueueRepository } from './review-queue.repository.js';

/** The queue's storage alone, for the modules that open or close review items in their own transactions. */
@Module({
  providers: [ReviewQueueRepository],
  exports: [ReviewQueueRepository],
})
export class ReviewQueueModule {}
