import type { components } from './schema';

/** The API's own types, generated from its OpenAPI document (schema.d.ts). */
export type Schemas = components['schemas'];
export type Session = Schemas['Session'];
export type Application = Schemas['Application'];
export type ReviewItem = Schemas['ReviewItem'];
export type ReviewPage = Schemas['ReviewPage'];
export type AuditEvent = Schemas['AuditEvent'];
export type AuditEventPage = Schemas['AuditEventPage'];
export type AuditCheckpoint = Schemas['AuditCheckpoint'];
export type ChainStatus = Schemas['AuditChainValid'] | Schemas['AuditChainBroken'];
export type Problem = Schemas['ProblemDetails'];

/** A refusal or failure of the API, carrying its problem+json body (RFC 9457) when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
  }
}

/**
 * One call to the service's own /v1 API with the signed-in token: the same authorisation as any
 * other client. A problem+json answer becomes an ApiError whose message is the problem's detail.
 */
export async function api<T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const isProblem = (response.headers.get('content-type') ?? '').includes('json') && typeof parsed === 'object' && parsed !== null;
    throw new ApiError(response.status, isProblem ? (parsed as Problem) : null);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A query string from the filters that are set. */
export function query(parameters: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters))
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
