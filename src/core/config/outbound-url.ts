/**
 * Why a URL the service sends personal data or tokens to (a registry, the webhook receiver),
 * or takes signing keys from (an identity provider's JWKS), may not be used in production:
 * anything but `https://` crosses the network readable and forgeable. Plain `http://` is left
 * to the loopback interface (127.0.0.0/8, ::1, localhost), where a local TLS-terminating
 * proxy or sidecar is the usual arrangement. Undefined: the URL is acceptable.
 */
export function outboundUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be a URL';
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) return undefined;
  return 'must be https:// (plain http:// only to 127.0.0.0/8, ::1 or localhost)';
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
