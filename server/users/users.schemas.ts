import { z } from 'zod';
import { emailSchema } from '../contacts/contacts.schemas.ts';

export const roles = ['admin', 'marketing', 'sales', 'viewer'] as const;
export const roleSchema = z.enum(roles);

export const passwordSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters');

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    status: z.enum(['active', 'deactivated']),
    createdAt: z.date(),
    lastSeenAt: z.date().nullable(),
  })
  .meta({ id: 'User' });

export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: roleSchema,
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    invitedBy: z.uuid().nullable(),
    createdAt: z.date(),
    expiresAt: z.date(),
  })
  .meta({ id: 'Invitation' });

export const inviteUserSchema = z.strictObject({ email: emailSchema, role: roleSchema }).meta({ id: 'UserInvite' });

export const updateUserSchema = z
  .strictObject({
    role: roleSchema.optional(),
    status: z.enum(['active', 'deactivated']).optional(),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .meta({ id: 'UserUpdate' });

export const workspaceSummarySchema = z.object({ id: z.uuid(), name: z.string(), role: roleSchema });

export const sessionSchema = z
  .object({
    authenticated: z.boolean(),
    /** True when no workspace exists yet: the web app shows onboarding. */
    onboardingOpen: z.boolean(),
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }).nullable(),
    workspace: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    role: roleSchema.nullable(),
    workspaces: z.array(workspaceSummarySchema),
    csrfToken: z.string().nullable().describe('Send as `x-csrf-token` on cookie-authenticated writes.'),
  })
  .meta({ id: 'Session' });

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'is required').max(200),
  workspaceId: z.uuid().optional().describe('Which workspace to open when the user belongs to several.'),
});

export const onboardingSchema = z.strictObject({
  workspaceName: z.string().trim().min(1, 'must not be empty').max(100),
  name: z.string().trim().min(1, 'must not be empty').max(100),
  email: emailSchema,
  password: passwordSchema,
});

export const acceptInvitationSchema = z.strictObject({
  token: z.string().min(10).max(200),
  name: z.string().trim().min(1, 'must not be empty').max(100).optional(),
  password: passwordSchema,
});

export type User = z.output<typeof userSchema>;
export type Session = z.output<typeof sessionSchema>;
