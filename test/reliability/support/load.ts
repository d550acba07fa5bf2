import { SANDBOX_CASES, type SandboxCase } from '../../../src/modules/registries/sandbox/sandbox-cases.js';
import { http } from './http.js';

export interface LoadOptions {
  /** Base URLs of the service processes; submissions go to them in turn. */
  urls: readonly string[];
  /** An intake token. */
  token: string;
  count: number;
  /** Submissions in flight at once. */
  concurrency: number;
  /** Bodies, cycled through; default: every sandbox case, so that the registries know every member. */
  cases?: readonly SandboxCase[];
  /** Where in `cases` the cycle starts. */
  offset?: number;
  /**
   * Each submission carries an Idempotency-Key (`<keyPrefix>-<n>`) and is sent again with it
   * after a network error or a 503, until `forMs` has passed since the load started; without
   * this, every answer is final.
   */
  retry?: { keyPrefix: string; forMs: number; delayMs?: number };
}

export interface AcceptedSubmission {
  id: string;
  caseKey: string;
  /** The submission's number within the load, from 0. */
  index: number;
}

export interface LoadResult {
  accepted: AcceptedSubmission[];
  /** Every answer received, by status (`202`, `503`, …), network errors as `network`. */
  statuses: Record<string, number>;
  /** Submissions sent again after a network error or a 503. */
  retries: number;
  /** Submissions never accepted, with their last answer. */
  refused: { index: number; caseKey: string; last: string; text: string }[];
  startedAt: number;
  finishedAt: number;
}

/** Submits `count` applications over HTTP with at most `concurrency` in flight. */
export async function submitLoad(options: LoadOptions): Promise<LoadResult> {
  const cases = options.cases ?? SANDBOX_CASES;
  const result: LoadResult = { accepted: [], statuses: {}, retries: 0, refused: [], startedAt: Date.now(), finishedAt: 0 };
  const tally = (status: string) => (result.statuses[status] = (result.statuses[status] ?? 0) + 1);
  let next = 0;

  const submit = async (index: number) => {
    const sandboxCase = cases[(index + (options.offset ?? 0)) % cases.length];
    const headers: Record<string, string> = options.retry ? { 'idempotency-key': `${options.retry.keyPrefix}-${index}` } : {};
    for (let attempt = 0; ; attempt++) {
      const url = options.urls[(index + attempt) % options.urls.length];
      let last: string;
      let text = '';
      try {
        const answer = await http(url, 'POST', '/v1/applications', { token: options.token, body: sandboxCase.application, headers });
        last = String(answer.status);
        text = answer.text;
        if (answer.status === 202) {
          tally(last);
          result.accepted.push({ id: answer.body.id, caseKey: sandboxCase.key, index });
          return;
        }
      } catch (error) {
        last = 'network';
        text = (error as Error).message;
      }
      tally(last);
      const transient = last === 'network' || last === '503';
      if (!options.retry || !transient || Date.now() - result.startedAt > options.retry.forMs) {
        result.refused.push({ index, caseKey: sandboxCase.key, last, text: text.slice(0, 300) });
        return;
      }
      result.retries += 1;
      await new Promise((resolve) => setTimeout(resolve, options.retry!.delayMs ?? 200));
    }
  };

  await Promise.all(
    Array.from({ length: Math.min(options.concurrency, options.count) }, async () => {
      while (next < options.count) await submit(next++);
    }),
  );
  result.finishedAt = Date.now();
  return result;
}
