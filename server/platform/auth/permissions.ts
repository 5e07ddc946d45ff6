// Who may do what. Every /api/v1 route declares one permission; a role grants a set of them.
// viewer reads; sales and marketing write the shared CRM data; admin also manages the workspace.
import type { Role } from '../../db-schema.ts';

export const PERMISSIONS = [
  'crm:read', // contacts, accounts, notes, custom field definitions, members list
  'crm:write', // create/update/delete contacts, accounts, notes; imports
  'settings:manage', // custom field definitions, users and invitations, API keys, outbox
  'marketing:write', // tracking sources, channel rules, campaigns, forms
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['crm:read', 'crm:write', 'settings:manage', 'marketing:write'],
  marketing: ['crm:read', 'crm:write', 'marketing:write'],
  sales: ['crm:read', 'crm:write'],
  viewer: ['crm:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
