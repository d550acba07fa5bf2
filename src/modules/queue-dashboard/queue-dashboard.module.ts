import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BullBoardModule } from '@bull-board/nestjs';
import { type DynamicModule, Module } from '@nestjs/common';
import { TokenService } from '../auth/token.service.js';
import { adminOnlyFastifyAdapter } from './admin-only.fastify-adapter.js';

export const QUEUE_DASHBOARD_ROUTE = '/admin/queues';

/**
 * bull-board at /admin/queues for the admin role, showing every queue of the service. Read-only:
 * retrying, removing or emptying jobs by hand would change work outside the audit log, and the
 * service already recovers lost and failed jobs itself (the sweeper, the review queue).
 */
@Module({})
export class QueueDashboardModule {
  /** `queues`: every queue of the service, the registries' included. */
  static forRoot(queues: readonly string[]): DynamicModule {
    return {
      module: QueueDashboardModule,
      imports: [
        BullBoardModule.forRootAsync({
          inject: [TokenService],
          useFactory: (tokens: TokenService) => ({
            route: QUEUE_DASHBOARD_ROUTE,
            adapter: adminOnlyFastifyAdapter(tokens),
            boardOptions: { uiConfig: { boardTitle: 'Hedui queues' } },
          }),
        }),
        BullBoardModule.forFeature(...queues.map((name) => ({ name, adapter: BullMQAdapter, options: { readOnlyMode: true } }))),
      ],
    };
  }
}
