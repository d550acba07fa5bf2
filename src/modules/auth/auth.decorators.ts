import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Principal, Role } from './principal.js';

export const ROLES_KEY = 'hedui:roles';
export const PUBLIC_KEY = 'hedui:public';

/**
 * The roles that may call an endpoint; `admin` may call every one. The OpenAPI document names
 * them (`x-roles`, admin included) from this same declaration, so that it says what the guard does.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', [...new Set<Role>([...roles, 'admin'])]));

/** An endpoint that needs no token (health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest<{ principal: Principal }>().principal,
);
