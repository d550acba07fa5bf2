import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_CASES } from '../../src/modules/registries/sandbox/sandbox-cases.js';
import { submitCase } from '../support/sandbox-case-runner.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LIMIT = 256 * 1024;
const ENDLESS = 4 * 1024 ** 3;
const CHUNK = Buffer.alloc(64 * 1024, ' ');
const eligible = SANDBOX_CASES.find((sandboxCase) => sandboxCase.expected.outcome === 'ELIGIBLE')!;

/**
 * A vehicle registry gone wrong, on a real port: every answer is 200 and starts as the
 * contract's JSON, then streams whitespace without end (4 GiB), a chunk each time the socket
 * drains. The service must cut it off at REGISTRY_MAX_RESPONSE_BYTES, never buffer the rest,
 * and read the registry as malformed: SOURCE_INVALID_RESPONSE, so the case goes to review.
 */
describe.each(['sqlite', 'postgres'] as const)('a registry answer over REGISTRY_MAX_RESPONSE_BYTES, on %s', (kind) => {
  let server: Server;
  let t: TestApp;
  const streams: { written: number; finished: boolean; closed: boolean }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      const stream = { written: 0, finished: false, closed: false };
      streams.push(stream);
      response.on('close', () => {
        stream.closed = true;
        stream.finished = response.writableFinished;
      });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      const pump = () => {
        while (!response.destroyed && stream.written < ENDLESS) {
          stream.written += CHUNK.length;
          if (!response.write(CHUNK)) return void response.once('drain', pump);
        }
        if (!response.destroyed) response.end();
      };
      response.write('{"vehicles":[],"notFound":[');
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t = await startTestApp(kind, {
      VEHICLE_REGISTRY_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      REGISTRY_MAX_RESPONSE_BYTES: String(LIMIT),
      // Long enough that only the size limit can end the call.
      REGISTRY_TIMEOUT_MS: '120000',
    });
  });
  afterAll(async () => {
    await t?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('cuts the answer off, records the check as INVALID_RESPONSE after one attempt, and sends the case to review', async () => {
    const intake = t.token('intake', 'intake-oversized');
    const application = (await t.waitForDetermination(await submitCase(t, intake, eligible), intake, 60000)).body;

    expect(application.status).toBe('IN_REVIEW');
    expect(application.determination.outcome).toBe('NEEDS_REVIEW');
    expect(application.determination.findings).toEqual([
      expect.objectContaining({ code: 'SOURCE_INVALID_RESPONSE', source: 'VEHICLE_REGISTRATION', severity: 'REVIEW' }),
    ]);
    const vehicle = application.checks.find((check: { source: string }) => check.source === 'VEHICLE_REGISTRATION');
    expect(vehicle).toMatchObject({ status: 'FAILED', failure: 'INVALID_RESPONSE', attempts: 1 });

    // One request, abandoned by the client long before its end: what was sent is the limit
    // plus what the sockets buffer, nothing like the 4 GiB on offer.
    expect(streams).toHaveLength(1);
    expect(streams[0]).toMatchObject({ closed: true, finished: false });
    expect(streams[0].written).toBeLessThan(32 * 1024 * 1024);
  });
});
