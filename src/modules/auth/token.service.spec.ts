import { DomainError } from '../../core/errors/domain.error.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../core/config/app.config.js';
import { signHs256, timedClaims } from './hs256-token.js';
import { TokenService } from './token.service.js';

describe('TokenService', () => {
  const tokens = new TokenService(loadConfig({ NODE_ENV: 'test' }));

  it('verifies a request token once, however many guards ask', async () => {
    const request = { headers: { authorization: `Bearer ${tokens.sign({ sub: 'alice', roles: ['intake'] })}` } };
    const verify = jest.spyOn(tokens, 'verify');
    const [first, second] = await Promise.all([tokens.principalOf(request), tokens.principalOf(request)]);
    expect(first).toBe(second);
    expect(first).toMatchObject({ sub: 'alice', roles: ['intake'] });
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockRestore();
  });

  describe('an HS256 token verified once', () => {
    // The system clock, faked whole: jose reads it through new Date(), the service through Date.now().
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
    afterEach(() => {
      jest.useRealTimers();
      jest.restoreAllMocks();
    });
    const joseChecks = (service: TokenService) =>
      jest.spyOn(service as unknown as { verifyHs256(token: string, key: unknown): Promise<unknown> }, 'verifyHs256');

    it('is taken from what was verified for the next requests, up to its exp', async () => {
      const service = new TokenService(loadConfig({ NODE_ENV: 'test' }));
      const token = service.sign({ sub: 'intake-system', roles: ['intake'] }, 3600);
      const subtle = jest.spyOn(globalThis.crypto.subtle, 'verify');
      const checks = joseChecks(service);
      for (let i = 0; i < 3; i++) expect(await service.verify(token)).toMatchObject({ sub: 'intake-system' });
      expect(checks).toHaveBeenCalledTimes(3);
      expect(subtle).toHaveBeenCalledTimes(1);
    });

    it('is refused from its exp second on, though it was verified before', async () => {
      const service = new TokenService(loadConfig({ NODE_ENV: 'test' }));
      jest.setSystemTime(Math.ceil(Date.now() / 1000) * 1000);
      const token = service.sign({ sub: 'intake-system', roles: ['intake'] }, 10);
      await service.verify(token);
      jest.setSystemTime(Date.now() + 9_999);
      await expect(service.verify(token)).resolves.toMatchObject({ sub: 'intake-system' });
      jest.setSystemTime(Date.now() + 1);
      await expect(service.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('is that token, not its claims: the same claims with a bad signature are refused', async () => {
      const service = new TokenService(loadConfig({ NODE_ENV: 'test' }));
      const token = service.sign({ sub: 'intake-system', roles: ['intake'] });
      await service.verify(token);
      const forged = `${token.slice(0, token.lastIndexOf('.') + 1)}${'A'.repeat(43)}`;
      await expect(service.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('keeps a token whose claims the service refuses (no exp) from being remembered', async () => {
      const service = new TokenService(loadConfig({ NODE_ENV: 'test' }));
      const token = signHs256({ sub: 'intake-system', roles: ['intake'] }, DEVELOPMENT_JWT_SECRET);
      await expect(service.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await expect(service.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  it('rejects every ask for a request without a valid bearer token', async () => {
    const request = { headers: { authorization: 'Basic abc' } };
    await expect(tokens.principalOf(request)).rejects.toBeInstanceOf(DomainError);
    await expect(tokens.principalOf(request)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('signs what it verifies, with iat and exp, and never the roles an endpoint granted', async () => {
    const token = tokens.sign({ sub: 'alice', roles: ['intake'], region: '542523', grantedRoles: ['intake'] }, 600);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toEqual({ sub: 'alice', roles: ['intake'], region: '542523', iat: expect.any(Number), exp: claims.iat + 600 });
    await expect(tokens.verify(token)).resolves.toEqual({ sub: 'alice', roles: ['intake'], region: '542523' });
  });

  it('turns anything a JOSE library could throw on into 401, never another error', async () => {
    for (const token of ['', '.', 'a.b.c', '..', 'eyJhbGciOiJIUzI1NiJ9..', `${'e'.repeat(5000)}.x.y`]) {
      await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('checks the issuer and audience of HS256 tokens when configured', async () => {
    const strict = new TokenService(loadConfig({ NODE_ENV: 'test', AUTH_JWT_ISSUER: 'https://sso.test', AUTH_JWT_AUDIENCE: 'hedui' }));
    const token = (claims: Record<string, unknown>) =>
      signHs256(timedClaims({ sub: 'alice', roles: ['intake'], ...claims }, 600), DEVELOPMENT_JWT_SECRET);
    await expect(strict.verify(token({ iss: 'https://sso.test', aud: 'hedui' }))).resolves.toMatchObject({ sub: 'alice' });
    await expect(strict.verify(token({ iss: 'https://sso.test' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(strict.verify(token({ aud: 'hedui' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('has nothing to sign with, and refuses every HS256 token, when only an identity provider is configured', async () => {
    const providerOnly = new TokenService(loadConfig({ NODE_ENV: 'test', AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks' }));
    expect(() => providerOnly.sign({ sub: 'alice', roles: ['intake'] })).toThrow(/AUTH_JWT_SECRET/);
    await expect(providerOnly.verify(tokens.sign({ sub: 'alice', roles: ['admin'] }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
