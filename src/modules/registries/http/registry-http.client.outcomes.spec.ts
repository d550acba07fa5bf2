import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VEHICLE_OWNERS_SEARCH } from '../vehicle/vehicle-registry.mapper.js';
import { RegistryHttpClient, type RegistryAttempt, type RegistryHttpOptions } from './registry-http.client.js';

const OWNER = '542523197804129012';
type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_request, response) =>
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
const ANSWER = json(200, { vehicles: [], notFound: [OWNER] });

/** What the client tells its observer, request by request, against a real HTTP server. */
describe('RegistryHttpClient outcomes', () => {
  let server: Server;
  let baseUrl: string;
  let handlers: Handler[];
  const hanging = new Set<ServerResponse>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      const handler = handlers.shift() ?? ANSWER;
      handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const response of hanging) response.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function outcomesOf(answers: Handler[], options: Partial<RegistryHttpOptions> = {}, calls = 1): Promise<RegistryAttempt[]> {
    handlers = [...answers];
    const attempts: RegistryAttempt[] = [];
    const client = new RegistryHttpClient({
      baseUrl,
      timeoutMs: 1000,
      maxAttempts: 2,
      retryBaseMs: 0,
      retryAfterCapMs: 0,
      breakerThreshold: 1000,
      breakerHalfOpenMs: 60_000,
      observer: (attempt) => attempts.push(attempt),
      ...options,
    });
    for (let call = 0; call < calls; call++) await client.post(VEHICLE_OWNERS_SEARCH, { idNumbers: [OWNER] }).catch(() => undefined);
    return attempts;
  }
  const outcomes = (attempts: RegistryAttempt[]) => attempts.map((attempt) => attempt.outcome);

  it('names the registry and the operation, and times each request', async () => {
    const [attempt] = await outcomesOf([ANSWER]);
    expect(attempt).toEqual({
      source: 'VEHICLE_REGISTRATION',
      operation: 'searchVehiclesByOwner',
      outcome: 'ok',
      durationMs: expect.any(Number),
    });
    expect(attempt.durationMs).toBeGreaterThan(0);
  });

  it.each([
    ['a 503 and then an answer', [json(503, { error: { code: 'UNAVAILABLE' } })], ['5xx', 'ok']],
    ['429 twice', [json(429, {}, { 'Retry-After': '0' }), json(429, {}, { 'Retry-After': '0' })], ['429', '429']],
    ['a refusal (403), not retried', [json(403, { error: { code: 'PURPOSE_REFUSED' } })], ['rejected']],
    [
      '200 that is not JSON',
      [(_request: IncomingMessage, response: ServerResponse) => response.writeHead(200).end('{"vehicles":[')],
      ['invalid'],
    ],
    ['a redirect, which the contract does not define', [json(302, {}, { Location: '/elsewhere' })], ['invalid']],
    ['200 with JSON that breaks the schema (the check finds it, not the transport)', [json(200, { notFound: [] })], ['ok']],
  ] as const)('%s', async (_title, answers, expected) => {
    expect(outcomes(await outcomesOf([...answers]))).toEqual(expected);
  });

  it('a registry that does not answer in time', async () => {
    const hang: Handler = (_request, response) => hanging.add(response);
    expect(outcomes(await outcomesOf([hang, hang], { timeoutMs: 100 }))).toEqual(['timeout', 'timeout']);
  });

  it('a registry that cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(outcomes(await outcomesOf([], { baseUrl: `http://127.0.0.1:${port}` }))).toEqual(['unreachable', 'unreachable']);
  });

  it('a call the open circuit refused: breaker_open, not sent, 0 ms', async () => {
    const failing = json(503, {});
    const attempts = await outcomesOf([failing, failing], { breakerThreshold: 1 }, 2);
    expect(outcomes(attempts)).toEqual(['5xx', '5xx', 'breaker_open']);
    expect(attempts[2].durationMs).toBe(0);
  });
});
