import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app.config.js';
import { QueueName } from './queue.types.js';
import { redisConnection } from './redis-connection.js';

/** The registries' queues are registered with the registry list (RegistryPluginsModule). */
const queues = [QueueName.Determination, QueueName.Notifications, QueueName.Reverification].map((name) => ({ name }));

/** BullMQ on the configured Redis, with every queue of the service but the registries' registered once. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ connection: redisConnection(config.REDIS_URL), prefix: config.QUEUE_PREFIX }),
    }),
    BullModule.registerQueue(...queues),
  ],
  exports: [BullModule],
})
export class QueueModule {}
