export const ROLES = ['intake', 'reviewer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. */
export interface Principal {
  /** The staff member's id (`sub`). */
  sub: string;
  roles: Role[];
  /** A region code that limits what the holder may reach; absent: everywhere. */
  region?: string;
  /** The role the current request is allowed under, as the audit log records it. */
  actingRole?: Role;
}
