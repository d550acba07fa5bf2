import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { sparePort } from '../support/spare-port.js';

export interface ReceivedCall {
  method: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as the signature covers it. */
  body: string;
  /** Which call of its event this was: 0 for the first. */
  attempt: number;
  /** Date.now() when it was received. */
  receivedAt: number;
}

/** What to answer a call: an HTTP status, or 'hang' to never answer. */
export type Answer = (call: ReceivedCall) => number | 'hang';

/** A webhook receiver on a spare port that records every call and answers as the test says. */
export interface WebhookReceiver {
  url: string;
  calls: ReceivedCall[];
  answer: Answer;
  /** The calls that carried this event id. */
  callsFor(eventId: string): ReceivedCall[];
  /** Polls until `condition` holds for the calls received. */
  waitFor(condition: (calls: ReceivedCall[]) => boolean, timeoutMs?: number): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const port = await sparePort();
  const hanging = new Set<ServerResponse>();
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}/hooks/hedui`,
    calls: [],
    answer: () => 200,
    callsFor: (eventId) => receiver.calls.filter((call) => call.headers['x-hedui-delivery'] === eventId),
    async waitFor(condition, timeoutMs = 20000) {
      const deadline = Date.now() + timeoutMs;
      while (!condition(receiver.calls)) {
        if (Date.now() > deadline) throw new Error(`webhook calls never met the condition: ${receiver.calls.length} received`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    reset() {
      receiver.calls.length = 0;
      receiver.answer = () => 200;
    },
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const eventId = request.headers['x-hedui-delivery'];
      const attempt = receiver.calls.filter((call) => call.headers['x-hedui-delivery'] === eventId).length;
      const call: ReceivedCall = {
        method: request.method ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        attempt,
        receivedAt: Date.now(),
      };
      receiver.calls.push(call);
      const answer = receiver.answer(call);
      if (answer === 'hang') {
        hanging.add(response);
        return;
      }
      response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return receiver;
}
