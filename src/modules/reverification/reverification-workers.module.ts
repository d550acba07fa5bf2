import { Module } from '@nestjs/common';
import { ReverificationModule } from './reverification.module.js';
import { ReverificationProcessor } from './reverification.processor.js';
import { ReverificationRunSweeper } from './reverification-run.sweeper.js';
import { ReverificationScheduler } from './reverification.scheduler.js';

/**
 * The background half of periodic re-verification: the programmes' job schedulers, the worker
 * that starts scheduled runs and takes each run's steps, and the run sweeper.
 */
@Module({
  imports: [ReverificationModule],
  providers: [ReverificationProcessor, ReverificationScheduler, ReverificationRunSweeper],
})
export class ReverificationWorkersModule {}
