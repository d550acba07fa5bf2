import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Registry } from 'prom-client';
import { AppConfig } from '../../core/config/app.config.js';
import { problem } from '../../core/errors/problem-details.js';
import { METRICS_TOKEN_REFUSED, metricsScrapeAllowed } from './metrics-token.js';
import { Metrics } from './metrics.service.js';

/**
 * `GET /metrics` on METRICS_PORT, apart from the API, so that the port the scraper reaches can
 * be kept off the network the API is published on. A bare node:http server: it serves one
 * route, and none of the API's guards, parsers or hooks belong on it. METRICS_TOKEN, when set,
 * is asked for here too.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  /** The port it listens on (METRICS_PORT, or the one the system gave for 0). */
  get port(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.METRICS_PORT, '0.0.0.0', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.logger.log({ port: this.port }, 'Metrics served on their own port');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server?.listening) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics') return send(response, 404, 'Only GET /metrics is served on this port.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Only GET /metrics is served on this port.');
    if (!metricsScrapeAllowed(request.headers.authorization, this.config.METRICS_TOKEN)) return send(response, 401, METRICS_TOKEN_REFUSED);
    try {
      const body = await this.metrics.exposition();
      response.writeHead(200, { 'Content-Type': Registry.PROMETHEUS_CONTENT_TYPE }).end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      this.logger.error({ error: (error as Error).name }, 'Metrics exposition failed');
      send(response, 500, 'The metrics could not be gathered.');
    }
  }
}

function send(response: ServerResponse, status: number, detail: string): void {
  response.writeHead(status, { 'Content-Type': 'application/problem+json' }).end(JSON.stringify(problem(status, detail)));
}
