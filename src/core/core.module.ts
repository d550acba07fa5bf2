import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig } from './config/app.config.js';
import { ConfigModule } from './config/config.module.js';
import type { Entities } from './database/data-source.options.js';
import { DatabaseModule } from './database/database.module.js';
import { ProblemDetailsFilter } from './errors/problem-details.filter.js';
import { createValidationPipe } from './http/validation.pipe.js';
import { Lifecycle } from './lifecycle/lifecycle.js';
import { loggerParams } from './logging/logger.options.js';
import { QueueModule } from './queue/queue.module.js';
import { Clock } from './time/clock.js';

/** Plumbing every feature uses: configuration, database, queues, logs, errors, time, lifecycle. */
@Global()
@Module({
  imports: [QueueModule],
  providers: [
    Clock,
    Lifecycle,
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
  exports: [Clock, Lifecycle],
})
export class CoreModule {
  static forRoot(config: AppConfig, entities: Entities, options: CoreOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(entities),
        LoggerModule.forRoot(loggerParams(config, options.logDestination)),
      ],
    };
  }
}

export interface CoreOptions {
  /** Where the JSON logs go instead of standard output (a test reads them there). */
  logDestination?: DestinationStream;
}
