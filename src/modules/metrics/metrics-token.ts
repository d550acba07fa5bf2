import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether an `Authorization` header carries METRICS_TOKEN as a bearer token; always, when no
 * token is configured. The comparison takes the same time whatever the header holds (digests
 * of equal length, compared in constant time), so that the token cannot be guessed a
 * character at a time from response times.
 */
export function metricsScrapeAllowed(authorization: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

export const METRICS_TOKEN_REFUSED = 'GET /metrics needs Authorization: Bearer with the metrics token (METRICS_TOKEN).';
