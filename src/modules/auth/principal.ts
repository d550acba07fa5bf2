export const ROLES = ['intake', 'reviewer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. */
export interface Principal {
  /** The staff member's id (`sub`). */
  sub: string;
  roles: Role[];
  /** A region code that limits what the holder may reach; absent: everywhere. */
  region?: string;
  /**
   * The roles of this token that the current endpoint admits (admin always). What the caller
   * may reach is worked out from these alone, so that a second role never widens an endpoint
   * it does not admit.
   */
  grantedRoles?: Role[];
}
