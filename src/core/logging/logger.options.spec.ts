import { Writable } from 'node:stream';
import { pino, type LoggerOptions } from 'pino';
import { loadConfig } from '../config/app.config.js';
import { runWithCorrelationId } from './job-log-context.js';
import { loggableUrl } from './loggable-url.js';
import { loggerParams } from './logger.options.js';

/** A pino logger with the service's options, writing into an array of raw lines. */
function capture(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk).trim());
      done();
    },
  });
  const { pinoHttp } = loggerParams(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace' }));
  const { customProps: _customProps, ...options } = pinoHttp as LoggerOptions & { customProps: unknown };
  return { logger: pino(options, stream), lines };
}

describe('the service’s log options', () => {
  it('replaces fields that can carry a name or an identity number, at the top and one level down', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        name: '测试户主01',
        idNumber: '542523197804129012',
        members: [{ name: '测试配偶01' }],
        member: { name: '测试子女01', idNumber: '542523201206219041' },
        source: 'HOUSEHOLD_REGISTRATION',
      },
      'x',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/测试|5425232/);
    expect(JSON.parse(lines[0])).toMatchObject({
      name: '[redacted]',
      idNumber: '[redacted]',
      members: '[redacted]',
      member: { name: '[redacted]', idNumber: '[redacted]' },
      source: 'HOUSEHOLD_REGISTRATION',
    });
  });

  it('puts the job’s correlation id on lines written inside a job, once, and on no other line', () => {
    const { logger, lines } = capture();
    runWithCorrelationId('job-correlation', () => {
      logger.info('inside');
      logger.info({ correlationId: 'explicit' }, 'explicit');
    });
    logger.info('outside');
    expect(lines.map((line) => JSON.parse(line).correlationId)).toEqual(['job-correlation', 'explicit', undefined]);
    expect(lines[1].match(/correlationId/g)).toHaveLength(1);
  });

  it('keeps a job’s correlation id across awaits, and apart from a concurrent job’s', async () => {
    const { logger, lines } = capture();
    const job = (id: string, ms: number) =>
      runWithCorrelationId(id, async () => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        logger.info(id);
      });
    await Promise.all([job('a', 20), job('b', 5)]);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ msg: 'b', correlationId: 'b' }),
      expect.objectContaining({ msg: 'a', correlationId: 'a' }),
    ]);
  });
});

describe('loggableUrl', () => {
  it.each([
    ['/v1/applications', '/v1/applications'],
    ['/v1/applications/0b3c1f3e-5d0c-4d5e-9f4a-1c2b3d4e5f60', '/v1/applications/0b3c1f3e-5d0c-4d5e-9f4a-1c2b3d4e5f60'],
    ['/v1/reviews/0b3c1f3e-5d0c-4d5e-9f4a-1c2b3d4e5f60/claim', '/v1/reviews/0b3c1f3e-5d0c-4d5e-9f4a-1c2b3d4e5f60/claim'],
    ['/v1/applications?status=DETERMINED&regionCode=542523&limit=10', '/v1/applications?status&regionCode&limit'],
    ['/v1/applications/54252620011205915X', '/v1/applications/:redacted'],
    ['/v1/applications/%E6%B5%8B%E8%AF%95', '/v1/applications/:redacted'],
    ['/v1/applications?idNumber=542523197804129012&name=%E6%B5%8B', '/v1/applications?idNumber&name'],
    ['/v1/applications?%E6%B5%8B=1&542523197804129012', '/v1/applications'],
    ['/health/ready', '/health/ready'],
    ['/docs/static/swagger-ui.css', '/docs/static/swagger-ui.css'],
    ['/admin/queues/api/queues/HouseholdRegistry', '/admin/queues/api/queues/HouseholdRegistry'],
    ['/v1/applications/a542523197804129012?b542523197804129012=1', '/v1/applications/:redacted'],
  ])('%s is logged as %s', (url, logged) => {
    expect(loggableUrl(url)).toBe(logged);
  });
});
