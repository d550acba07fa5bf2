/** One HTTP exchange, read whole: the status, the headers and the body as text and, if it is JSON, parsed. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export interface HttpRequest {
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, instead of `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export async function http(baseUrl: string, method: string, path: string, request: HttpRequest = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body = request.rawBody;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(baseUrl + path, { method, headers, body, signal: AbortSignal.timeout(request.timeoutMs ?? 30000) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}
