import { DomainError } from '../../core/errors/domain.error.js';
import { principalOfClaims } from './token-claims.js';

const NOW = 1_800_000_000;
const MAX = 43200;
const valid = { sub: 'alice', roles: ['intake'], iat: NOW, exp: NOW + 3600 };

describe('principalOfClaims', () => {
  it('reads sub, roles and region', () => {
    expect(principalOfClaims({ ...valid, region: '542523' }, NOW, MAX)).toEqual({ sub: 'alice', roles: ['intake'], region: '542523' });
    expect(principalOfClaims(valid, NOW, MAX)).toEqual({ sub: 'alice', roles: ['intake'] });
  });

  it.each([
    ['exp exactly the maximum ahead', { exp: NOW + MAX }],
    ['no iat, exp within the maximum', { iat: undefined, exp: NOW + MAX }],
    ['issued earlier, still within the maximum', { iat: NOW - MAX + 60, exp: NOW + 60 }],
  ])('accepts %s', (_label, claims) => {
    expect(principalOfClaims({ ...valid, ...claims }, NOW, MAX).sub).toBe('alice');
  });

  it.each([
    ['exp one second past the maximum', { exp: NOW + MAX + 1 }],
    ['no iat and exp past the maximum', { iat: undefined, exp: NOW + MAX + 1 }],
    ['exp - iat longer than the maximum', { iat: NOW - MAX, exp: NOW + 1 }],
    ['iat that is not a number', { iat: 'yesterday' }],
    ['no exp', { exp: undefined }],
    ['an empty sub', { sub: '' }],
    ['a sub that is not text', { sub: 42 }],
    ['no roles', { roles: [] }],
    ['an unknown role', { roles: ['intake', 'root'] }],
    ['a region of 5 digits', { region: '54252' }],
  ])('refuses %s as UNAUTHENTICATED', (_label, claims) => {
    const attempt = () => principalOfClaims({ ...valid, ...claims }, NOW, MAX);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
