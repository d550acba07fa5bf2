import { generateKeyPairSync, type JsonWebKey, type KeyObject, sign } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The algorithms a test identity provider can sign with; the service trusts RS256 and ES256 only. */
export type ProviderAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

/** A signing key of a test identity provider, with the public JWK its JWKS would publish. */
export interface ProviderKey {
  kid: string;
  alg: ProviderAlgorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: JsonWebKey & { kid: string; alg: string; use: string };
}

/** A fresh key pair, made synchronously so that test tables can hold tokens signed with it. */
export function providerKey(alg: ProviderAlgorithm, kid: string): ProviderKey {
  const { privateKey, publicKey } =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : alg === 'ES256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('ed25519');
  return { kid, alg, privateKey, publicKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' } };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * A compact JWS of `claims`, signed with `key` as an identity provider would (`kid` in the
 * header); `header` overrides or adds header members, to forge a token on purpose.
 */
export function providerToken(key: ProviderKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const input = `${base64url({ alg: key.alg, typ: 'JWT', kid: key.kid, ...header })}.${base64url(claims)}`;
  const signature =
    key.alg === 'RS256'
      ? sign('sha256', Buffer.from(input), key.privateKey)
      : key.alg === 'ES256'
        ? sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
        : sign(null, Buffer.from(input), key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

/** Claims valid for an hour from now, as a provider would issue them. */
export function providerClaims(claims: Record<string, unknown>, lifetimeSeconds = 3600): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iat: now, exp: now + lifetimeSeconds, ...claims };
}

/** How the JWKS endpoint answers: the keys, or a failure. */
export type JwksBehaviour = { keys: ProviderKey[] } | { status: number } | 'hang';

/** A JWKS endpoint on a real local port, whose keys (or failure) a test changes as it goes. */
export interface JwksServer {
  url: string;
  /** GET requests it has received. */
  readonly fetches: number;
  serve(behaviour: JwksBehaviour): void;
  /** Stops listening: the provider is down (connections refused) until `restart`. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startJwksServer(initial: JwksBehaviour): Promise<JwksServer> {
  let behaviour = initial;
  let fetches = 0;
  const hanging = new Set<ServerResponse>();
  const handle = (response: ServerResponse) => {
    fetches += 1;
    if (behaviour === 'hang') return void hanging.add(response);
    if ('status' in behaviour) return void response.writeHead(behaviour.status, { 'Content-Type': 'text/plain' }).end('unavailable');
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: behaviour.keys.map((key) => key.jwk) }));
  };
  let server: Server = createServer((request, response) => (request.resume(), handle(response)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const shut = async () => {
    for (const response of hanging) response.destroy();
    hanging.clear();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };

  return {
    url: `http://127.0.0.1:${port}/realms/staff/protocol/openid-connect/certs`,
    get fetches() {
      return fetches;
    },
    serve: (next) => {
      behaviour = next;
    },
    stop: shut,
    async restart() {
      server = createServer((request, response) => (request.resume(), handle(response)));
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: async () => {
      if (server.listening) await shut();
    },
  };
}
