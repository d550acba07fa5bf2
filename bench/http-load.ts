import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Submission {
  index: number;
  status: number;
  latencyMs: number;
  id?: string;
  error?: string;
}

export interface LoadSettings {
  baseUrl: string;
  token: string;
  /** Request bodies, already serialised; request i sends bodies[i % length]. */
  bodies: string[];
  count: number;
  /** Clients each with one request in flight at a time, as intake desks would be. */
  clients: number;
  timeoutMs: number;
}

/**
 * Posts `count` applications from a fixed number of keep-alive clients. `node:http` rather
 * than fetch: the load generator shares the service's process and cores, so the cheaper the
 * client, the less it takes from what is measured.
 */
export async function submitApplications(settings: LoadSettings): Promise<Submission[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: settings.clients });
  const results: Submission[] = new Array(settings.count);
  let next = 0;
  const client = async () => {
    while (next < settings.count) {
      const index = next++;
      results[index] = await submitOne(agent, settings, index, performance.now());
    }
  };
  try {
    await Promise.all(Array.from({ length: settings.clients }, client));
  } finally {
    agent.destroy();
  }
  return results;
}

/**
 * Submits at a fixed rate whatever the answers (an open loop, as a province's intake desks
 * would), `count` in all; each latency counts from when the submission was due, so that a
 * service that falls behind shows it rather than slowing the load down.
 */
export async function submitAtRate(settings: Omit<LoadSettings, 'clients'> & { perSecond: number }): Promise<Submission[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const interval = 1000 / settings.perSecond;
  const started = performance.now();
  const pending: Promise<Submission>[] = [];
  try {
    for (let index = 0; index < settings.count; index++) {
      const due = started + index * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(submitOne(agent, settings, index, due));
    }
    return await Promise.all(pending);
  } finally {
    agent.destroy();
  }
}

function submitOne(agent: Agent, settings: Omit<LoadSettings, 'clients'>, index: number, started: number): Promise<Submission> {
  const body = settings.bodies[index % settings.bodies.length];
  return new Promise((resolve) => {
    let settled = false;
    const done = (status: number, extra: Partial<Submission>) => {
      if (settled) return;
      settled = true;
      resolve({ index, status, latencyMs: performance.now() - started, ...extra });
    };
    const req = request(
      `${settings.baseUrl}/v1/applications`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${settings.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => done(0, { error: error.message }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status !== 202) return done(status, { error: text.slice(0, 300) });
          try {
            done(status, { id: (JSON.parse(text) as { id: string }).id });
          } catch {
            done(status, { error: `unreadable answer: ${text.slice(0, 100)}` });
          }
        });
      },
    );
    req.setTimeout(settings.timeoutMs, () => req.destroy(new Error(`no answer within ${settings.timeoutMs} ms`)));
    req.on('error', (error) => done(0, { error: error.message }));
    req.end(body);
  });
}
