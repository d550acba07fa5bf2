import { createHmac } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET } from '../../src/core/config/app.config.js';
import { validApplication } from '../fixtures/application-bodies.js';
import { CapturedLog } from '../logs/captured-log.js';
import { type JwksServer, providerClaims, providerKey, providerToken, startJwksServer } from '../support/identity-provider.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectProblem } from './access-fixtures.js';
import { forgeJwt, validJwt } from './forged-credentials.js';

/**
 * Staff signed in through an identity provider: RS256/ES256 tokens verified against its JWKS,
 * served here by a real local HTTP endpoint whose keys the tests rotate, break and take down.
 * Authentication does not touch the database, so SQLite alone serves.
 */

const ISSUER = 'https://sso.example.gov.cn/realms/staff';
const AUDIENCE = 'hedui';
const HOUR = 3600;
const MAX_TTL = 43200;

const rsa = providerKey('RS256', 'rsa-2026-01');
const ec = providerKey('ES256', 'ec-2026-01');
const next = providerKey('RS256', 'rsa-2026-07');
const stranger = providerKey('RS256', 'rsa-2026-01'); // the trusted kid, another key
const ed = providerKey('EdDSA', 'ed-2026-01');

const intake = (claims: Record<string, unknown> = {}, lifetime = HOUR) =>
  providerClaims({ iss: ISSUER, aud: AUDIENCE, sub: 'alice', roles: ['intake'], ...claims }, lifetime);

describe('tokens from an identity provider (AUTH_JWKS_URL only)', () => {
  let jwks: JwksServer;
  let t: TestApp;
  const log = new CapturedLog();
  const read = (token: string) => t.request('GET', '/v1/applications?limit=1', { token });

  beforeAll(async () => {
    jwks = await startJwksServer({ keys: [rsa, ec, ed] });
    t = await startTestApp(
      'sqlite',
      {
        AUTH_JWT_SECRET: '',
        AUTH_JWKS_URL: jwks.url,
        AUTH_JWT_ISSUER: ISSUER,
        AUTH_JWT_AUDIENCE: AUDIENCE,
        // Every unknown kid fetches the set again here, so that rotation shows without waiting.
        AUTH_JWKS_COOLDOWN_MS: '0',
        AUTH_JWKS_TIMEOUT_MS: '300',
        LOG_LEVEL: 'warn',
      },
      { logDestination: log },
    );
  });
  afterAll(async () => {
    await t?.close();
    await jwks?.close();
  });
  beforeEach(() => jwks.serve({ keys: [rsa, ec, ed] }));

  it('accepts RS256 and ES256 tokens signed by the provider’s keys, and takes sub, roles and region from them', async () => {
    expect((await read(providerToken(rsa, intake()))).status).toBe(200);
    expect((await read(providerToken(ec, intake()))).status).toBe(200);

    const alice = providerToken(rsa, intake({ region: '542525' }));
    const submitted = await t.request('POST', '/v1/applications', { token: alice, body: validApplication() });
    expect(submitted.status).toBe(202);
    const path = `/v1/applications/${submitted.body.id}`;
    expect((await t.request('GET', path, { token: alice })).status).toBe(200);
    // Another intake does not reach alice's application: `sub` was read from the token.
    expectProblem(await t.request('GET', path, { token: providerToken(ec, intake({ sub: 'bob' })) }), 404);
    // A reviewer reaches it within the token's region only: `roles` and `region` were read too.
    const reviewer = (region: string) => providerToken(ec, intake({ sub: 'carol', roles: ['reviewer'], region }));
    expect((await t.request('GET', path, { token: reviewer('542525') })).status).toBe(200);
    expectProblem(await t.request('GET', path, { token: reviewer('542521') }), 404);
    await t.waitForDetermination(submitted.body.id, alice);
  });

  it('fetches the keys once and then verifies from its cache', async () => {
    const before = jwks.fetches;
    for (let i = 0; i < 5; i++) expect((await read(providerToken(rsa, intake()))).status).toBe(200);
    expect(jwks.fetches).toBe(before);
  });

  it('follows a key rotation: a new kid fetches the set again, and a removed key is refused from then on', async () => {
    expect((await read(providerToken(rsa, intake()))).status).toBe(200);
    jwks.serve({ keys: [next, ec] });
    const before = jwks.fetches;
    expect((await read(providerToken(next, intake()))).status).toBe(200);
    expect(jwks.fetches).toBe(before + 1);
    expectProblem(await read(providerToken(rsa, intake())), 401);
  });

  it('refuses a kid the provider never published (after asking it again)', async () => {
    const before = jwks.fetches;
    expectProblem(await read(providerToken(rsa, intake(), { kid: 'rsa-1999-01' })), 401);
    expect(jwks.fetches).toBe(before + 1);
  });

  it.each([
    ['another key under a trusted kid', () => providerToken(stranger, intake())],
    ['an RS256 header whose kid names the EC key', () => providerToken(rsa, intake(), { kid: ec.kid })],
    ['an ES256 header over an RSA signature', () => providerToken(rsa, intake(), { alg: 'ES256' })],
    ['EdDSA, a published key but an algorithm not accepted', () => providerToken(ed, intake())],
    ['HS256 with the development secret, when only the provider is trusted', () => validJwt(DEVELOPMENT_JWT_SECRET, intake())],
    [
      'HS256 keyed with the provider’s RSA public key (algorithm confusion)',
      () => hs256With(rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string, intake(), rsa.kid),
    ],
    ['alg none', () => forgeJwt({ alg: 'none', kid: rsa.kid }, intake(), 'unsigned')],
    ['a header that is not JSON', () => `${Buffer.from('{alg').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.x`],
    ['the wrong issuer', () => providerToken(rsa, intake({ iss: 'https://sso.example.org/realms/other' }))],
    ['no issuer', () => providerToken(rsa, intake({ iss: undefined }))],
    ['the wrong audience', () => providerToken(rsa, intake({ aud: 'another-service' }))],
    ['no audience', () => providerToken(rsa, intake({ aud: undefined }))],
    ['an expired token', () => providerToken(rsa, { ...intake(), exp: Math.floor(Date.now() / 1000) - 60 })],
    ['exp further ahead than AUTH_MAX_TOKEN_TTL_S', () => providerToken(rsa, intake({}, MAX_TTL + 600))],
    [
      'exp - iat longer than AUTH_MAX_TOKEN_TTL_S',
      () => providerToken(rsa, { ...intake(), iat: Math.floor(Date.now() / 1000) - MAX_TTL, exp: Math.floor(Date.now() / 1000) + 600 }),
    ],
    ['roles not in the service’s list', () => providerToken(rsa, intake({ roles: ['offline_access', 'uma_authorization'] }))],
  ])('refuses %s with 401', async (_label, token) => {
    expectProblem(await read(token()), 401);
  });

  it('accepts an audience list that names the service, and a lifetime of exactly the maximum', async () => {
    expect(await read(providerToken(ec, intake({ aud: ['account', AUDIENCE] })))).toMatchObject({ status: 200 });
    expect(await read(providerToken(ec, intake({}, MAX_TTL)))).toMatchObject({ status: 200 });
  });

  it('refuses (401, never 500) while the provider is down, says so in the log, and recovers when it is back', async () => {
    const mark = log.lines.length;
    await jwks.stop();
    try {
      // Keys already fetched still verify: a provider outage does not sign everybody out at once.
      expect((await read(providerToken(ec, intake()))).status).toBe(200);
      // A key it would have to fetch cannot be had.
      const rotated = providerKey('ES256', 'ec-2026-07');
      expectProblem(await read(providerToken(rotated, intake())), 401);
      const warning = log.since(mark).find((line) => /JWKS could not be fetched/.test(line.record.msg));
      expect(warning?.record).toMatchObject({ level: 40, code: 'ECONNREFUSED' });
      expect(warning?.text).not.toContain(jwks.url);

      await jwks.restart();
      jwks.serve({ keys: [rotated] });
      expect((await read(providerToken(rotated, intake()))).status).toBe(200);
    } finally {
      if (!(await isListening(jwks))) await jwks.restart();
    }
  });

  it.each([
    ['answers 500', { status: 500 }],
    ['answers 404', { status: 404 }],
    ['never answers', 'hang'],
  ] as const)('refuses (401, never 500) when the JWKS endpoint %s', async (_label, behaviour) => {
    jwks.serve(behaviour);
    expectProblem(await read(providerToken(providerKey('RS256', `rsa-${Math.random()}`), intake())), 401);
  });
});

describe('an HS256 secret and an identity provider together', () => {
  let jwks: JwksServer;
  let t: TestApp;
  const secret = 'a-deployment-secret-of-at-least-32-bytes';
  const read = (token: string) => t.request('GET', '/v1/applications?limit=1', { token });

  beforeAll(async () => {
    jwks = await startJwksServer({ keys: [rsa] });
    // The default cooldown: a token with a made-up kid must not make the service fetch the set again at once.
    t = await startTestApp('sqlite', { AUTH_JWT_SECRET: secret, AUTH_JWKS_URL: jwks.url, AUTH_JWT_ISSUER: ISSUER });
  });
  afterAll(async () => {
    await t?.close();
    await jwks?.close();
  });

  it('accepts both kinds, and checks the issuer of HS256 tokens too', async () => {
    expect((await read(validJwt(secret, { iss: ISSUER, sub: 'alice', roles: ['intake'] }))).status).toBe(200);
    expect((await read(providerToken(rsa, intake({ aud: undefined })))).status).toBe(200);
    expectProblem(await read(validJwt(secret, { sub: 'alice', roles: ['intake'] })), 401);
    expectProblem(await read(validJwt(secret, { iss: 'someone-else', sub: 'alice', roles: ['intake'] })), 401);
  });

  it('refuses an HS256 token over-long lifetime, as for the provider’s', async () => {
    const now = Math.floor(Date.now() / 1000);
    expectProblem(await read(validJwt(secret, { iss: ISSUER, sub: 'alice', roles: ['intake'], exp: now + MAX_TTL + 600 })), 401);
    expectProblem(await read(validJwt(secret, { iss: ISSUER, sub: 'alice', roles: ['intake'], iat: now - MAX_TTL, exp: now + 60 })), 401);
  });

  it('never checks an HS256 token against the provider’s keys: its public key as the HMAC secret is refused', async () => {
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expectProblem(await read(hs256With(pem, intake(), rsa.kid)), 401);
  });

  it('fetches the set again for an unknown kid at most once per cooldown, so made-up kids cannot flood the provider', async () => {
    expect((await read(providerToken(rsa, intake({ aud: undefined })))).status).toBe(200);
    const before = jwks.fetches;
    for (let i = 0; i < 5; i++) expectProblem(await read(providerToken(rsa, intake({ aud: undefined }), { kid: `made-up-${i}` })), 401);
    expect(jwks.fetches).toBe(before);
  });
});

/** An HS256 token keyed with `key`, whatever it is (a public key's PEM, to try the classic confusion). */
function hs256With(key: string, claims: Record<string, unknown>, kid: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'HS256', typ: 'JWT', kid })}.${encode(claims)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

async function isListening(jwks: JwksServer): Promise<boolean> {
  return fetch(jwks.url).then(
    () => true,
    () => false,
  );
}
