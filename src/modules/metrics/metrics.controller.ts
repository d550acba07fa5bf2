import { Controller, Get, Header } from '@nestjs/common';
import { Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators.js';
import { MetricsDocs } from './metrics.api-docs.js';
import { Metrics } from './metrics.service.js';

/** `GET /metrics` for Prometheus, without a token like /health: it holds counts and timings, nothing personal. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Public()
  @MetricsDocs()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.exposition();
  }
}
