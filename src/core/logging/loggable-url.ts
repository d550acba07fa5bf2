/**
 * Path segments kept as they are: UUIDs, and words of ASCII letters, digits, `.`, `_` and `-`
 * (`v1`, `audit-events`, `swagger-ui.css`) that start with a letter and hold no run of six
 * digits or more, so that no identity number (15 or 18 characters) gets through, nor a name
 * in Chinese or Tibetan script.
 */
const WORD = /^(?!.*\d{6})[A-Za-z][A-Za-z0-9._-]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const REDACTED_SEGMENT = ':redacted';

/**
 * A request URL as a log line may show it. The service's own URLs carry route words, UUIDs and
 * query filters, but a caller can put anything in a URL (an identity number where an id goes,
 * a name in a query string), so every path segment that is neither such a word nor a UUID is
 * replaced, and of the query only the parameter names that are such words are kept, never
 * their values.
 */
export function loggableUrl(url: string): string {
  const [path, query] = splitOnce(url, '?');
  const safePath = path
    .split('/')
    .map((segment) => (segment === '' || WORD.test(segment) || UUID.test(segment) ? segment : REDACTED_SEGMENT))
    .join('/');
  if (query === undefined) return safePath;
  const names = query
    .split('&')
    .map((pair) => splitOnce(pair, '=')[0])
    .filter((name) => WORD.test(name));
  return names.length ? `${safePath}?${names.join('&')}` : safePath;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
