import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../../core/errors/domain.error.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import type { Principal, Role } from './principal.js';
import { TokenService } from './token.service.js';

/** Every endpoint needs a valid bearer token unless marked @Public; @Roles narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const principal = await this.tokens.principalOf(request);
    request.principal = principal;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const granted = allowed ? principal.roles.filter((role) => role === 'admin' || allowed.includes(role)) : principal.roles;
    if (granted.length === 0) throw new DomainError('FORBIDDEN', 'The token does not carry a role allowed here.');
    principal.grantedRoles = granted;
    return true;
  }
}
