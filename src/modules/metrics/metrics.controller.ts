import { Controller, Get, Header, Headers } from '@nestjs/common';
import { Registry } from 'prom-client';
import { AppConfig } from '../../core/config/app.config.js';
import { DomainError } from '../../core/errors/domain.error.js';
import { Public } from '../auth/auth.decorators.js';
import { MetricsDocs } from './metrics.api-docs.js';
import { METRICS_TOKEN_REFUSED, metricsScrapeAllowed } from './metrics-token.js';
import { Metrics } from './metrics.service.js';

/**
 * `GET /metrics` for Prometheus on the API's port (unless METRICS_PORT moves it). No staff
 * token, like /health: it holds counts and timings, nothing personal; METRICS_TOKEN, when set,
 * is asked for instead, since the counts still tell an outsider how busy the service is.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @MetricsDocs()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (!metricsScrapeAllowed(authorization, this.config.METRICS_TOKEN)) throw new DomainError('UNAUTHENTICATED', METRICS_TOKEN_REFUSED);
    return this.metrics.exposition();
  }
}
