import { Injectable, type OnModuleDestroy } from '@nestjs/common';

/**
 * Whether the service is stopping. It is set by the first shutdown hook, before workers drain
 * and connections close, so that new requests are turned away from then on.
 */
@Injectable()
export class Lifecycle implements OnModuleDestroy {
  private stopping = false;

  get isStopping(): boolean {
    return this.stopping;
  }

  onModuleDestroy(): void {
    this.stopping = true;
  }
}
