import { type Role, roles } from '../../types/settings.ts';

const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  contributor: 'Contributor',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};

/** Role choices for the NativeSelect; only an owner may grant the owner role (the API's rule). */
export function roleOptions(signedInRole: string | undefined, current?: Role) {
  return roles
    .filter((role) => role !== 'owner' || signedInRole === 'owner' || current === 'owner')
    .map((role) => ({ value: role, label: roleLabels[role] }));
}

export function roleLabel(role: Role): string {
  return roleLabels[role];
}
