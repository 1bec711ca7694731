import type { Role, Scope } from '../../db/schema.ts';

/**
 * What a dashboard member may do, expressed in API-key scopes so one check serves both kinds of
 * credential. Approval rights (reviewer) are decided by the approval engine, not by scopes.
 */
export const roleScopes: Record<Role, readonly Scope[]> = {
  owner: ['read', 'write', 'publish', 'admin'],
  admin: ['read', 'write', 'publish', 'admin'],
  editor: ['read', 'write', 'publish'],
  contributor: ['read', 'write'],
  reviewer: ['read'],
  viewer: ['read'],
};

/** `admin` implies every other scope; otherwise a scope must be granted by name. */
export function hasScope(granted: readonly Scope[], required: Scope): boolean {
  return granted.includes('admin') || granted.includes(required);
}
