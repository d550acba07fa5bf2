import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../core/http/api-problems.decorator.js';
import { METRICS_TOKEN_REFUSED } from './metrics-token.js';

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
        'The service’s metrics in Prometheus text format, for a scraper: HTTP request durations by route pattern, queue depths by state (read at scrape time, each queue for at most METRICS_QUEUE_TIMEOUT_MS), job durations, registry requests by outcome, determinations by outcome and programme, audit events by action, and the process’s own metrics. No staff token, like /health: it holds counts and timings, never an id or personal data. When METRICS_TOKEN is set it asks for `Authorization: Bearer <METRICS_TOKEN>` instead (Prometheus: `authorization` in the scrape config); when METRICS_PORT is set it is served on that port only, and this route is absent from the API’s port. Served in every SERVICE_MODE.',
    }),
    ApiOkResponse({
      description: 'The exposition.',
      content: { 'text/plain; version=0.0.4; charset=utf-8': { schema: { type: 'string' }, example: EXAMPLE } },
    }),
    ApiProblems({
      401: { description: 'METRICS_TOKEN is set and the request does not carry it as a bearer token.', detail: METRICS_TOKEN_REFUSED },
    }),
  );
