import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/auth.decorators.js';

@Controller('health')
export class HealthController {
  /** The process is up and serving HTTP. */
  @Get()
  @Public()
  live() {
    return { status: 'ok' };
  }
}
