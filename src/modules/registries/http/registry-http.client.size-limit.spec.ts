import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryError } from '../registry.error.js';
import { VEHICLE_OWNERS_SEARCH } from '../vehicle/vehicle-registry.mapper.js';
import { RegistryHttpClient, type RegistryAttempt } from './registry-http.client.js';

const OWNER = '542523197804129012';
const LIMIT = 64 * 1024;
const CHUNK = Buffer.alloc(16 * 1024, ' ');

/** What the server saw of one streamed answer. */
interface Stream {
  written: number;
  /** The client closed the connection before the server had written all it meant to. */
  aborted: boolean;
  closed: Promise<void>;
}

/**
 * Streams `total` bytes (a JSON answer padded with spaces, so that a client that read it all
 * would find it valid), a chunk at a time, writing the next only once the socket drained: what
 * it has written is what the client's side has taken in, give or take the socket buffers.
 */
function streamAnswer(total: number, response: ServerResponse, stream: Stream, headers: Record<string, string> = {}): void {
  response.writeHead(200, { 'Content-Type': 'application/json', ...headers });
  const head = Buffer.from(`{"vehicles":[],"notFound":["${OWNER}"]`);
  let resolveClosed!: () => void;
  stream.closed = new Promise((resolve) => (resolveClosed = resolve));
  response.on('close', () => {
    stream.aborted = !response.writableFinished;
    resolveClosed();
  });
  const pump = () => {
    while (!response.destroyed) {
      if (stream.written === 0) {
        stream.written += head.length;
        if (!response.write(head)) return void response.once('drain', pump);
        continue;
      }
      const left = total - stream.written - 1;
      if (left <= 0) {
        stream.written += 1;
        return void response.end('}');
      }
      const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
      stream.written += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
  };
  pump();
}

describe('RegistryHttpClient: the answer size limit', () => {
  let server: Server;
  let baseUrl: string;
  let handler: (request: IncomingMessage, response: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function call(): Promise<{ result: unknown; attempts: RegistryAttempt[] }> {
    const attempts: RegistryAttempt[] = [];
    const client = new RegistryHttpClient({
      baseUrl,
      timeoutMs: 30_000,
      maxResponseBytes: LIMIT,
      maxAttempts: 3,
      retryBaseMs: 0,
      retryAfterCapMs: 0,
      breakerThreshold: 1000,
      breakerHalfOpenMs: 60_000,
      observer: (attempt) => attempts.push(attempt),
    });
    const result = await client.post(VEHICLE_OWNERS_SEARCH, { idNumbers: [OWNER] }).catch((error: unknown) => error);
    return { result, attempts };
  }

  it('cuts off an endless answer as it streams in: INVALID_RESPONSE at once, not retried, the rest never sent', async () => {
    const stream = { written: 0, aborted: false } as Stream;
    // 1 GiB: a client that read it all would take far longer than the test's timeout.
    handler = (_request, response) => streamAnswer(1024 ** 3, response, stream);
    const { result, attempts } = await call();
    expect(result).toBeInstanceOf(RegistryError);
    expect(result).toMatchObject({ code: 'INVALID_RESPONSE', options: { attempts: 1 } });
    expect((result as Error).message).toMatch(/over 65536 bytes; cut off/);
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['invalid']);
    await stream.closed;
    expect(stream.aborted).toBe(true);
    // The limit plus what the sockets had buffered: nowhere near the gigabyte on offer.
    expect(stream.written).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses an answer whose Content-Length is over the limit without reading it', async () => {
    const stream = { written: 0, aborted: false } as Stream;
    handler = (_request, response) => streamAnswer(LIMIT * 64, response, stream, { 'Content-Length': String(LIMIT * 64) });
    const { result } = await call();
    expect(result).toMatchObject({ code: 'INVALID_RESPONSE' });
    await stream.closed;
    expect(stream.aborted).toBe(true);
  });

  it('reads an answer of exactly the limit', async () => {
    const stream = { written: 0, aborted: false } as Stream;
    handler = (_request, response) => streamAnswer(LIMIT, response, stream);
    const { result, attempts } = await call();
    expect(result).toMatchObject({ body: { vehicles: [], notFound: [OWNER] }, attempts: 1 });
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['ok']);
    expect(stream.written).toBe(LIMIT);
  });

  it('still retries a 503 whose body is over the limit, by its status', async () => {
    let calls = 0;
    handler = (_request, response) => {
      calls += 1;
      if (calls === 1) return response.writeHead(503, { 'Content-Type': 'application/json' }).end(' '.repeat(LIMIT + 1));
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ vehicles: [], notFound: [OWNER] }));
    };
    const { result, attempts } = await call();
    expect(result).toMatchObject({ attempts: 2 });
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['5xx', 'ok']);
  });
});
