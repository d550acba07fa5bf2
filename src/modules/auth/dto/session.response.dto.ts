import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { type Role, ROLES } from '../principal.js';

/** Who a token names, as the service understood it: what a client shows of its own sign-in. */
@ApiSchema({ name: 'Session' })
export class SessionResponseDto {
  @ApiProperty({ description: 'The staff member (the token’s `sub`).', example: 'bob' })
  sub: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true, description: 'The token’s roles.' })
  roles: Role[];

  @ApiPropertyOptional({
    pattern: '^\\d{6}$',
    description: 'The token’s `region` claim, where it has one: every read and change is limited to it. Absent: everywhere.',
    example: '542500',
  })
  region?: string;
}
