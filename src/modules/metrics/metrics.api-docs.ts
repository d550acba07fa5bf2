import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

const EXAMPLE = [
  '# HELP hedui_determinations_total Determinations stored, by outcome and programme.',
  '# TYPE hedui_determinations_total counter',
  'hedui_determinations_total{outcome="ELIGIBLE",program="MINIMUM_LIVING_ALLOWANCE"} 42',
  '',
].join('\n');

/** The OpenAPI description of `GET /metrics`. */
export const MetricsDocs = () =>
  applyDecorators(
    ApiTags('metrics'),
    ApiOperation({
      summary: 'Prometheus metrics',
      description:
        'The service’s metrics in Prometheus text format, for a scraper: HTTP request durations by route pattern, queue depths by state (read at scrape time, each queue for at most METRICS_QUEUE_TIMEOUT_MS), job durations, registry requests by outcome, determinations by outcome and programme, audit events by action, and the process’s own metrics. Public, like /health: it holds counts and timings, never an id or personal data. Served in every SERVICE_MODE.',
    }),
    ApiOkResponse({
      description: 'The exposition.',
      content: { 'text/plain; version=0.0.4; charset=utf-8': { schema: { type: 'string' }, example: EXAMPLE } },
    }),
  );
