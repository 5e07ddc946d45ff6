// The workspace's people: members with roles, and invitations (emailed through the outbox).
import { z } from 'zod';
import { sql } from 'kysely';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { errors, idParams } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { newToken, sha256 } from '../platform/auth/secrets.ts';
import type { DbOrTrx } from '../platform/db.ts';
import { queueEmail } from '../outbox/outbox.ts';
import { invitationSchema, inviteUserSchema, updateUserSchema, userSchema, type User } from './users.schemas.ts';

const tags = ['Users'];
const INVITE_DAYS = 7;

async function listMembers(db: DbOrTrx, workspaceId: string, userId?: string): Promise<User[]> {
  let q = db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'm.role', 'm.status', 'm.created_at', 'm.last_seen_at'])
    .where('m.workspace_id', '=', workspaceId);
  if (userId) q = q.where('m.user_id', '=', userId);
  const rows = await q.orderBy('u.name').execute();
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, status: r.status, createdAt: r.created_at, lastSeenAt: r.last_seen_at }));
}

function invitationStatus(r: { accepted_at: Date | null; revoked_at: Date | null; expires_at: Date }) {
  if (r.accepted_at) return 'accepted' as const;
  if (r.revoked_at) return 'revoked' as const;
  return r.expires_at < new Date() ? ('expired' as const) : ('pending' as const);
}

export function userRoutes(app: App, ctx: AppContext): void {
  const { db, config } = ctx;

  app.get('/api/v1/users', {
    schema: { tags, summary: 'List the workspace\'s users', response: { 200: z.object({ data: z.array(userSchema) }), ...errors() } },
    config: { permission: 'crm:read' },
    handler: async (req) => ({ data: await listMembers(db, req.principal!.workspaceId) }),
  });

  app.get('/api/v1/users/:id', {
    schema: { tags, summary: 'Get a user', params: idParams, response: { 200: userSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const [user] = await listMembers(db, req.principal!.workspaceId, req.params.id);
      if (!user) throw AppError.notFound('User', req.params.id);
      return user;
    },
  });

  app.post('/api/v1/users', {
    schema: {
      tags,
      summary: 'Invite a user',
      description: 'Creates an invitation and emails its link (through the outbox; over SMTP when configured). The person joins when they accept.',
      body: inviteUserSchema,
      response: { 201: invitationSchema.extend({ acceptUrl: z.string().describe('Also emailed; shown so an admin can share it directly.') }), ...errors(409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req, reply) => {
      const { workspaceId, userId } = req.principal!;
      const result = await runIdempotent(db, req, reply, 201, async (trx) => {
        const member = await trx
          .selectFrom('members as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select('m.status')
          .where('m.workspace_id', '=', workspaceId)
          .where('u.email', '=', req.body.email)
          .executeTakeFirst();
        if (member?.status === 'active') throw AppError.invalid('email', 'is already a member of this workspace', 'already_exists');
        // a new invitation replaces an open one for the same email
        await trx.updateTable('invitations').set({ revoked_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('email', '=', req.body.email).where('accepted_at', 'is', null).where('revoked_at', 'is', null).execute();
        const token = newToken('inv_', 24);
        const inviter = userId
          ? await trx.selectFrom('members as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['u.id', 'u.name']).where('m.workspace_id', '=', workspaceId).where('m.user_id', '=', userId).executeTakeFirst()
          : undefined;
        const row = await trx
          .insertInto('invitations')
          .values({
            workspace_id: workspaceId,
            email: req.body.email,
            role: req.body.role,
            token_hash: sha256(token),
            invited_by: inviter?.id ?? null,
            expires_at: new Date(Date.now() + INVITE_DAYS * 86_400_000),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const workspace = await trx.selectFrom('workspaces').select('name').where('id', '=', workspaceId).executeTakeFirstOrThrow();
        const base = config.publicUrlFromEnv ? config.publicUrl : `${req.protocol}://${req.host}`;
        const acceptUrl = `${base}/invite/${token}`;
        await queueEmail(trx, config, {
          workspaceId,
          kind: 'invitation',
          to: req.body.email,
          subject: `${inviter?.name ?? 'A colleague'} invited you to ${workspace.name} on Tandem`,
          text:
            `${inviter?.name ?? 'A colleague'} invited you to join ${workspace.name} on Tandem as ${req.body.role}.\n\n` +
            `Accept the invitation: ${acceptUrl}\n\nThe link works for ${INVITE_DAYS} days.`,
        });
        return {
          id: row.id,
          email: row.email,
          role: row.role,
          status: invitationStatus(row),
          invitedBy: row.invited_by,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          acceptUrl,
        };
      });
      ctx.worker.poke();
      return result;
    },
  });

  app.patch('/api/v1/users/:id', {
    schema: { tags, summary: 'Change a user\'s role, status or name', params: idParams, body: updateUserSchema, response: { 200: userSchema, ...errors(404, 409) } },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      const { workspaceId } = req.principal!;
      await db.transaction().execute(async (trx) => {
        const member = await trx.selectFrom('members').select(['role', 'status']).where('workspace_id', '=', workspaceId).where('user_id', '=', req.params.id).forUpdate().executeTakeFirst();
        if (!member) throw AppError.notFound('User', req.params.id);
        const losesAdmin = member.role === 'admin' && member.status === 'active' && ((req.body.role && req.body.role !== 'admin') || req.body.status === 'deactivated');
        if (losesAdmin) await assertAnotherAdmin(trx, workspaceId, req.params.id);
        if (req.body.role || req.body.status) {
          await trx
            .updateTable('members')
            .set({ ...(req.body.role && { role: req.body.role }), ...(req.body.status && { status: req.body.status }), updated_at: sql`now()` })
            .where('workspace_id', '=', workspaceId)
            .where('user_id', '=', req.params.id)
            .execute();
        }
        if (req.body.status === 'deactivated') await trx.deleteFrom('sessions').where('workspace_id', '=', workspaceId).where('user_id', '=', req.params.id).execute();
        if (req.body.name) await trx.updateTable('users').set({ name: req.body.name, updated_at: sql`now()` }).where('id', '=', req.params.id).execute();
      });
      return (await listMembers(db, workspaceId, req.params.id))[0];
    },
  });

  app.delete('/api/v1/users/:id', {
    schema: {
      tags,
      summary: 'Deactivate a user',
      description: 'The user can no longer sign in to this workspace; their records keep them as owner. Reactivate with PATCH status=active.',
      params: idParams,
      response: { 200: userSchema, ...errors(404, 409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      const { workspaceId } = req.principal!;
      await db.transaction().execute(async (trx) => {
        const member = await trx.selectFrom('members').select(['role', 'status']).where('workspace_id', '=', workspaceId).where('user_id', '=', req.params.id).forUpdate().executeTakeFirst();
        if (!member) throw AppError.notFound('User', req.params.id);
        if (member.role === 'admin' && member.status === 'active') await assertAnotherAdmin(trx, workspaceId, req.params.id);
        await trx.updateTable('members').set({ status: 'deactivated', updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('user_id', '=', req.params.id).execute();
        await trx.deleteFrom('sessions').where('workspace_id', '=', workspaceId).where('user_id', '=', req.params.id).execute();
      });
      return (await listMembers(db, workspaceId, req.params.id))[0];
    },
  });

  app.get('/api/v1/invitations', {
    schema: { tags, summary: 'List invitations', response: { 200: z.object({ data: z.array(invitationSchema) }), ...errors() } },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      const rows = await db.selectFrom('invitations').selectAll().where('workspace_id', '=', req.principal!.workspaceId).orderBy('created_at', 'desc').limit(500).execute();
      return {
        data: rows.map((r) => ({ id: r.id, email: r.email, role: r.role, status: invitationStatus(r), invitedBy: r.invited_by, createdAt: r.created_at, expiresAt: r.expires_at })),
      };
    },
  });

  app.delete('/api/v1/invitations/:id', {
    schema: { tags, summary: 'Revoke an invitation', params: idParams, response: { 200: z.object({ id: z.uuid(), revoked: z.literal(true) }), ...errors(404) } },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      const r = await db
        .updateTable('invitations')
        .set({ revoked_at: sql`now()` })
        .where('workspace_id', '=', req.principal!.workspaceId)
        .where('id', '=', req.params.id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw AppError.notFound('Open invitation', req.params.id);
      return { id: req.params.id, revoked: true as const };
    },
  });
}

async function assertAnotherAdmin(db: DbOrTrx, workspaceId: string, exceptUserId: string): Promise<void> {
  const other = await db
    .selectFrom('members')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .where('user_id', '!=', exceptUserId)
    .executeTakeFirst();
  if (!other) throw new AppError('conflict', 'A workspace needs at least one active admin; make someone else admin first.');
}
