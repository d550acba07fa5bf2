import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REGISTRY_SOURCES, type RegistrySource } from '../registry.types.js';
import {
  errorAnswer,
  isSandboxPath,
  loadSandboxDataset,
  SANDBOX_ENDPOINTS,
  SandboxRegistry,
  type SandboxAnswer,
  type SandboxDataset,
  type SandboxPath,
} from './sandbox-registry.handler.js';
import { mulberry32 } from './sandbox-population.js';

/** How one registry misbehaves. Rates are probabilities per request; together at most 1. */
export interface FaultSettings {
  /** Answer 500, 502 or 503. */
  errorRate?: number;
  /** Answer 429 with Retry-After. */
  rateLimitRate?: number;
  /** Retry-After of a 429, and of a 503 when set; default 1 for 429. */
  retryAfterSeconds?: number;
  /** Answer 200 with a body that breaks the contract's schema (or is not JSON at all). */
  malformedRate?: number;
  /** Answer 200 with a valid body that leaves one identifier out of both lists. */
  incompleteRate?: number;
  /** Never answer, until the simulator is closed. */
  hangRate?: number;
  /** Always answer this error status. */
  status?: number;
  /** Identifiers the registry refuses: a call that asks for any of them is answered 400. */
  refuse?: string[];
  /** The first `count` requests (counted from `setFaults`) fail this way, the rest are normal. */
  failFirst?: { count: number; status: number | 'hang' | 'malformed'; retryAfterSeconds?: number };
}

/** Settings for every registry, with per-registry settings taking precedence field by field. */
export interface SimulatorFaults extends FaultSettings {
  registries?: Partial<Record<RegistrySource, FaultSettings>>;
}

export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Added before every answer. */
  latencyMs?: number;
  /**
   * Calls a second each registry takes (all of them, or per registry); past it, 429 with the
   * `Retry-After` in whole seconds until a call would be taken. A token bucket that holds one
   * second's worth, as registries commonly grant: a client that spaces its calls never meets it.
   */
  quota?: number | Partial<Record<RegistrySource, number>>;
  /** The clock of the quota, in ms; default `performance.now`. */
  now?: () => number;
  /** When set, any other bearer token is refused with 401. */
  token?: string;
  faults?: SimulatorFaults;
  /** Seed of the random faults, so that a run repeats; default 1. */
  seed?: number;
  /** Default: the dataset that ships with the service. */
  dataset?: SandboxDataset;
}

/** One request as the simulator saw it, times on this process's monotonic clock (`performance.now()`). */
export interface SimulatorRequest {
  path: string;
  /** The registry of the path asked for; undefined for an unknown path. */
  source?: RegistrySource;
  /** The request's `X-Request-Id`, as sent. */
  requestId?: string;
  receivedAt: number;
  /** When the answer was written; undefined while unanswered (a hang). */
  answeredAt?: number;
  status?: number;
  /** The `Retry-After` answered, in seconds. */
  retryAfterSeconds?: number;
}

export interface RegistrySimulator {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Replaces every fault setting, re-arms `failFirst` and restarts the random sequence. */
  setFaults(faults: SimulatorFaults): void;
  /** Requests received, in total or by one registry. */
  requests(source?: RegistrySource): number;
  /** Every request received (of one registry), in the order received, with what it was answered. */
  log(source?: RegistrySource): SimulatorRequest[];
  /** What each registry was asked since the last reset: calls, identifiers in them, and calls refused for the quota. */
  stats(): Record<RegistrySource, RegistryCallStats>;
  /** Clears the counts, the statistics and the log. */
  resetCounters(): void;
}

export interface RegistryCallStats {
  calls: number;
  identifiers: number;
  rateLimited: number;
}

type ArmedFaults = Record<RegistrySource, FaultSettings & { failuresLeft: number; random: () => number }>;
type Fault = { kind: 'status'; status: number; retryAfter?: number } | { kind: 'hang' | 'malformed' | 'incomplete' };

const PURPOSE = 'social-assistance-verification';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BODY_BYTES = 1024 * 1024;
const ERROR_STATUSES = [500, 502, 503];
const ERROR_CODES: Record<number, string> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'PURPOSE_REFUSED',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'UNAVAILABLE',
};

/** Serves the sandbox registries over HTTP, speaking the registries' contract, with faults on demand. */
export async function startRegistrySimulator(options: SimulatorOptions = {}): Promise<RegistrySimulator> {
  const simulator = new RegistrySimulatorServer(options);
  await simulator.listen(options.host ?? '127.0.0.1', options.port ?? 0);
  return simulator;
}

class RegistrySimulatorServer implements RegistrySimulator {
  url = '';
  port = 0;
  private readonly server: Server;
  private readonly registry: SandboxRegistry;
  private readonly token?: Buffer;
  private readonly pending = new Set<NodeJS.Timeout>();
  private faults: ArmedFaults;
  private counts = new Map<RegistrySource | 'ALL', number>();
  private entries: SimulatorRequest[] = [];
  private readonly entryOf = new WeakMap<ServerResponse, SimulatorRequest>();
  private callStats = emptyStats();
  private readonly buckets = new Map<RegistrySource, { tokens: number; at: number }>();
  private closing?: Promise<void>;

  constructor(private readonly options: SimulatorOptions) {
    this.registry = new SandboxRegistry(options.dataset ?? loadSandboxDataset());
    this.token = options.token === undefined ? undefined : Buffer.from(`Bearer ${options.token}`);
    this.faults = this.arm(options.faults ?? {});
    this.server = createServer((request, response) => {
      // A client that goes away mid-body leaves nothing to answer.
      this.serve(request, response).catch(() => response.destroy());
    });
  }

  listen(host: string, port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.port = (this.server.address() as AddressInfo).port;
        this.url = `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
        resolve();
      });
    });
  }

  setFaults(faults: SimulatorFaults): void {
    this.faults = this.arm(faults);
  }

  requests(source?: RegistrySource): number {
    return this.counts.get(source ?? 'ALL') ?? 0;
  }

  log(source?: RegistrySource): SimulatorRequest[] {
    return this.entries.filter((entry) => source === undefined || entry.source === source);
  }

  stats(): Record<RegistrySource, RegistryCallStats> {
    return structuredClone(this.callStats);
  }

  resetCounters(): void {
    this.counts.clear();
    this.entries = [];
    this.callStats = emptyStats();
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve, reject) => {
      for (const timer of this.pending) clearTimeout(timer);
      this.server.close((error) => (error ? reject(error) : resolve()));
      // Hanging requests and idle keep-alive sockets would otherwise hold close() open.
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  private arm(faults: SimulatorFaults): ArmedFaults {
    const { registries, ...common } = faults;
    const seed = this.options.seed ?? 1;
    const armed = {} as ArmedFaults;
    REGISTRY_SOURCES.forEach((source, index) => {
      const settings = { ...common, ...registries?.[source] };
      armed[source] = { ...settings, failuresLeft: settings.failFirst?.count ?? 0, random: mulberry32(seed + index) };
    });
    return armed;
  }

  private count(key: RegistrySource | 'ALL'): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.count('ALL');
    const requestId = request.headers['x-request-id'];
    const path = (request.url ?? '').split('?')[0];
    const entry: SimulatorRequest = {
      path,
      source: isSandboxPath(path) ? SANDBOX_ENDPOINTS[path].source : undefined,
      requestId: typeof requestId === 'string' ? requestId : undefined,
      receivedAt: performance.now(),
    };
    this.entries.push(entry);
    this.entryOf.set(response, entry);
    if (typeof requestId === 'string' && UUID.test(requestId)) response.setHeader('X-Request-Id', requestId);
    if (!isSandboxPath(path)) return this.answer(response, errorAnswer(404, 'NOT_FOUND', 'no such search'));
    const { source } = SANDBOX_ENDPOINTS[path];
    this.count(source);
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      return this.answer(response, errorAnswer(405, 'METHOD_NOT_ALLOWED', 'only POST is served'));
    }
    this.callStats[source].calls += 1;
    const refusal = this.refusal(request);
    const text = await readBody(request);
    if (refusal) return this.answer(response, refusal);
    const waitSeconds = this.overQuota(source);
    if (waitSeconds !== undefined) {
      this.callStats[source].rateLimited += 1;
      response.setHeader('Retry-After', String(waitSeconds));
      return this.answer(response, errorAnswer(429, 'RATE_LIMITED', 'over the quota of calls a second'));
    }
    if (text === undefined) return this.answer(response, errorAnswer(413, 'BODY_TOO_LARGE', 'the body exceeds 1 MiB'));
    const scripted = this.scriptedFault(source);
    if (scripted) return this.misbehave(response, scripted, path, undefined);
    const body = parseJson(text);
    const asked = (body as Record<string, unknown> | undefined)?.[SANDBOX_ENDPOINTS[path].identifiersField];
    if (Array.isArray(asked)) this.callStats[source].identifiers += asked.length;
    const refused = this.faults[source].refuse;
    if (Array.isArray(asked) && refused?.some((identifier) => asked.includes(identifier))) {
      return this.answer(response, errorAnswer(400, 'INVALID_REQUEST', 'an identifier is refused'));
    }
    const answer = body === undefined ? errorAnswer(400, 'INVALID_REQUEST', 'the body is not JSON') : this.registry.handle(path, body);
    const random = answer.status === 200 ? this.randomFault(source) : undefined;
    return random ? this.misbehave(response, random, path, body) : this.answer(response, answer);
  }

  /** Takes a token of the registry's quota; when none is left, the whole seconds until one will be. */
  private overQuota(source: RegistrySource): number | undefined {
    const quota = this.options.quota;
    const rate = typeof quota === 'number' ? quota : quota?.[source];
    if (!rate) return undefined;
    const now = this.options.now ? this.options.now() : performance.now();
    const capacity = Math.max(1, rate);
    const bucket = this.buckets.get(source) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(source, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
  }

  /** The 4xx a real registry gives before it looks at the body, if any. */
  private refusal(request: IncomingMessage): SandboxAnswer | undefined {
    const authorization = Buffer.from(request.headers.authorization ?? '');
    if (this.token && (authorization.length !== this.token.length || !timingSafeEqual(authorization, this.token))) {
      return errorAnswer(401, 'UNAUTHORIZED', 'missing or wrong bearer token');
    }
    if (request.headers['x-purpose'] !== PURPOSE) {
      return errorAnswer(403, 'PURPOSE_REFUSED', `the only purpose served is ${PURPOSE}`);
    }
    if (!UUID.test(String(request.headers['x-request-id'] ?? ''))) {
      return errorAnswer(400, 'INVALID_REQUEST_ID', 'X-Request-Id must be a UUID');
    }
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return errorAnswer(400, 'INVALID_REQUEST', 'Content-Type must be application/json');
    }
    return undefined;
  }

  private scriptedFault(source: RegistrySource): Fault | undefined {
    const settings = this.faults[source];
    if (settings.failFirst && settings.failuresLeft > 0) {
      settings.failuresLeft--;
      const { status, retryAfterSeconds = settings.retryAfterSeconds } = settings.failFirst;
      return typeof status === 'number' ? statusFault(status, retryAfterSeconds) : { kind: status };
    }
    return settings.status === undefined ? undefined : statusFault(settings.status, settings.retryAfterSeconds);
  }

  private randomFault(source: RegistrySource): Fault | undefined {
    const settings = this.faults[source];
    const { hangRate = 0, errorRate = 0, rateLimitRate = 0, malformedRate = 0, incompleteRate = 0 } = settings;
    if (hangRate + errorRate + rateLimitRate + malformedRate + incompleteRate === 0) return undefined;
    let draw = settings.random();
    if ((draw -= hangRate) < 0) return { kind: 'hang' };
    if ((draw -= errorRate) < 0) {
      const status = ERROR_STATUSES[Math.floor(settings.random() * ERROR_STATUSES.length)];
      return statusFault(status, settings.retryAfterSeconds);
    }
    if ((draw -= rateLimitRate) < 0) return statusFault(429, settings.retryAfterSeconds);
    if ((draw -= malformedRate) < 0) return { kind: 'malformed' };
    if ((draw -= incompleteRate) < 0) return { kind: 'incomplete' };
    return undefined;
  }

  private misbehave(response: ServerResponse, fault: Fault, path: SandboxPath, body: unknown): void {
    switch (fault.kind) {
      case 'hang':
        return;
      case 'status':
        if (fault.retryAfter !== undefined) response.setHeader('Retry-After', String(fault.retryAfter));
        return this.answer(response, errorAnswer(fault.status, ERROR_CODES[fault.status] ?? 'FAULT', 'simulated fault'));
      case 'malformed': {
        const { source, resultsField } = SANDBOX_ENDPOINTS[path];
        // Half the time not even JSON: a client must treat both as a failed lookup.
        const truncated = this.faults[source].random() < 0.5;
        return this.send(response, 200, truncated ? `{"${resultsField}":[` : JSON.stringify({ notFound: [] }));
      }
      case 'incomplete': {
        // Only a valid request gets here, so its identifiers are there; the first goes unanswered.
        const asked = (body as Record<string, string[]>)[SANDBOX_ENDPOINTS[path].identifiersField];
        const answer = this.registry.search(
          path,
          asked.filter((identifier) => identifier !== asked[0]),
        );
        return this.answer(response, { status: 200, body: answer });
      }
    }
  }

  private answer(response: ServerResponse, answer: SandboxAnswer): void {
    this.send(response, answer.status, JSON.stringify(answer.body));
  }

  private send(response: ServerResponse, status: number, text: string): void {
    const write = () => {
      if (response.destroyed) return;
      const entry = this.entryOf.get(response);
      if (entry) {
        const retryAfter = response.getHeader('Retry-After');
        Object.assign(
          entry,
          { answeredAt: performance.now(), status },
          retryAfter === undefined ? {} : { retryAfterSeconds: Number(retryAfter) },
        );
      }
      response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(text);
    };
    const latency = this.options.latencyMs ?? 0;
    if (latency <= 0) return write();
    // At least the latency on the monotonic clock: a timer may fire a little early.
    const due = performance.now() + latency;
    const wait = (ms: number) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        const left = due - performance.now();
        if (left > 0) wait(left);
        else write();
      }, Math.ceil(ms));
      this.pending.add(timer);
    };
    wait(latency);
  }
}

/** Retry-After goes with a 429 always and with a 503 when configured, as the contract has it. */
function statusFault(status: number, retryAfterSeconds: number | undefined): Fault {
  const retryAfter = status === 429 ? (retryAfterSeconds ?? 1) : status === 503 ? retryAfterSeconds : undefined;
  return { kind: 'status', status, retryAfter };
}

/**
 * The body as text, or undefined when it is larger than any request of the contract. An
 * oversized body is still read to its end, so that the 413 reaches the client.
 */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function emptyStats(): Record<RegistrySource, RegistryCallStats> {
  return Object.fromEntries(REGISTRY_SOURCES.map((source) => [source, { calls: 0, identifiers: 0, rateLimited: 0 }])) as Record<
    RegistrySource,
    RegistryCallStats
  >;
}
