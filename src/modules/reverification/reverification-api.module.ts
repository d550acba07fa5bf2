import { Module } from '@nestjs/common';
import { ReverificationController } from './reverification.controller.js';
import { ReverificationModule } from './reverification.module.js';

/** POST and GET /v1/reverification-runs. */
@Module({
  imports: [ReverificationModule],
  controllers: [ReverificationController],
})
export class ReverificationApiModule {}
