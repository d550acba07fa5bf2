import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { QueueName } from '../../core/queue/queue.types.js';
import { TokenService } from '../auth/token.service.js';
import { adminOnlyFastifyAdapter } from './admin-only.fastify-adapter.js';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/**
 * bull-board at /admin/queues for the admin role, showing every queue of the service. Read-only:
 * retrying, removing or emptying jobs by hand would change work outside the audit log, and the
 * service already recovers lost and failed jobs itself (the sweeper, the review queue).
 */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      inject: [TokenService],
      useFactory: (tokens: TokenService) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: adminOnlyFastifyAdapter(tokens),
        boardOptions: { uiConfig: { boardTitle: 'Hedui queues' } },
      }),
    }),
    BullBoardModule.forFeature(
      ...Object.values(QueueName).map((name) => ({ name, adapter: BullMQAdapter, options: { readOnlyMode: true } })),
    ),
  ],
})
export class QueueDashboardModule {}
