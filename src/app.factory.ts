import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module.js';
import type { AppConfig } from './core/config/app.config.js';
import { problem } from './core/errors/problem-details.js';
import { correlationIdOf } from './core/http/correlation-id.js';
import { serveConsole } from './core/http/console-static.js';
import { setupOpenApi } from './core/http/openapi.js';
import { applySecurity } from './core/http/security.js';
import { Lifecycle } from './core/lifecycle/lifecycle.js';
import { observeHttpRequests } from './modules/metrics/http-metrics.hook.js';
import { Metrics } from './modules/metrics/metrics.service.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The service as one Nest application on Fastify, ready to listen; used by main and by the tests. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, genReqId: correlationIdOf, requestIdHeader: false });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  await applySecurity(app, config);
  const lifecycle = app.get(Lifecycle);
  const fastify = app.getHttpAdapter().getInstance();
  observeHttpRequests(fastify, app.get(Metrics));
  // Plain JSON.parse, which makes a `__proto__` key an ordinary own property without touching
  // any prototype: the validation pipe then refuses it by its path, like any unknown field,
  // before anything reads the body (Fastify's own parser refuses it as "not valid JSON").
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('The request body is not valid JSON.'), { statusCode: 400 }), undefined);
    }
  });
  fastify.addHook('onRequest', async (request, reply) => {
    // Once shutdown has begun, new requests are turned away; those under way finish.
    if (lifecycle.isStopping) {
      return reply
        .code(503)
        .header('connection', 'close')
        .header('retry-after', '5')
        .type('application/problem+json')
        .send({ ...problem(503, 'The service is shutting down; try again shortly.'), instance: request.url });
    }
  });
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-correlation-id', request.id);
  });
  setupOpenApi(app, config);
  await serveConsole(app, config);
  return app;
}
