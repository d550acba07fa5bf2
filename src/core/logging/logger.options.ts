import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app.config.js';
import { jobLogFields } from './job-log-context.js';
import { loggableUrl } from './loggable-url.js';

/**
 * Fields that hold, or could hold, a name or an identity number, at the top of a log line and
 * one level down. Nothing logs them today; this is the safety net should a change ever log a
 * member, a registry answer or a request body: the value is replaced, the line kept.
 */
const PERSONAL_FIELDS = [
  'name',
  'names',
  'idNumber',
  'idNumbers',
  'memberIdNumber',
  'ownerIdNumber',
  'members',
  'persons',
  'households',
  'answer',
  'evaluation',
  'body',
];
export const REDACTED_PATHS = [
  ...PERSONAL_FIELDS,
  ...PERSONAL_FIELDS.map((field) => `*.${field}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.query',
];

/**
 * The JSON logs (pino through nestjs-pino): one line per request with its correlation id, and
 * the service's own lines. Request lines carry the method, a URL stripped of anything a caller
 * could have put personal data in (see loggableUrl) and the status; never bodies or headers.
 * A line written while a job runs carries the job's correlation id (`mixin`). `destination`
 * replaces standard output, for a test that reads what was logged.
 */
export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  const options = {
    level: config.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: jobLogFields,
    serializers: {
      req: (request: { id: string; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        url: loggableUrl(request.url),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    customProps: (request: { id?: unknown }) => ({ correlationId: request.id }),
  };
  return {
    forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
    pinoHttp: destination ? [options, destination] : options,
  };
}
