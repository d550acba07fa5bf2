import { DomainError } from '../../core/errors/domain.error.js';
import { loadConfig } from '../../core/config/app.config.js';
import { TokenService } from './token.service.js';

describe('TokenService.principalOf', () => {
  const tokens = new TokenService(loadConfig({}));

  it('verifies a request token once, however many guards ask', async () => {
    const request = { headers: { authorization: `Bearer ${tokens.sign({ sub: 'alice', roles: ['intake'] })}` } };
    const verify = jest.spyOn(tokens, 'verify');
    const [first, second] = await Promise.all([tokens.principalOf(request), tokens.principalOf(request)]);
    expect(first).toBe(second);
    expect(first).toMatchObject({ sub: 'alice', roles: ['intake'] });
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockRestore();
  });

  it('rejects every ask for a request without a valid bearer token', async () => {
    const request = { headers: { authorization: 'Basic abc' } };
    await expect(tokens.principalOf(request)).rejects.toBeInstanceOf(DomainError);
    await expect(tokens.principalOf(request)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
