import { type DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app.config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { ProblemDetailsFilter } from './errors/problem-details.filter.js';
import { createValidationPipe } from './http/validation.pipe.js';
import { Lifecycle } from './lifecycle/lifecycle.js';
import { QueueModule } from './queue/queue.module.js';
import { Clock } from './time/clock.js';

/** Plumbing every feature uses: configuration, database, queues, logs, errors, time, lifecycle. */
@Global()
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.LOG_LEVEL,
          // Request lines name the route and ids only: bodies and headers can carry personal data or tokens.
          serializers: {
            req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url }),
            res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
          },
          customProps: (request: { id?: unknown }) => ({ correlationId: request.id }),
        },
      }),
    }),
    DatabaseModule,
    QueueModule,
  ],
  providers: [
    Clock,
    Lifecycle,
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
  exports: [Clock, Lifecycle],
})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: CoreModule, imports: [ConfigModule.forRoot(config)] };
  }
}
