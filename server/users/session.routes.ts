// Signing in and out, first-run onboarding, and accepting an invitation: the public entry points.
import { z } from 'zod';
import { sql } from 'kysely';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { errors } from '../platform/openapi.ts';
import { hashPassword, sha256, verifyPassword } from '../platform/auth/secrets.ts';
import { createWorkspace } from '../workspaces/create-workspace.ts';
import { acceptInvitationSchema, loginSchema, onboardingSchema, roleSchema, sessionSchema } from './users.schemas.ts';
import { describeSession, endSession, startSession } from './sessions.ts';
import { LoginThrottle } from './login-throttle.ts';

const tags = ['Session'];
// a real hash to compare against when the email is unknown, so timing does not reveal which emails exist
const DUMMY_HASH = hashPassword('not-a-real-password');

export function sessionRoutes(app: App, ctx: AppContext): void {
  const { db, config } = ctx;
  const throttle = new LoginThrottle();

  app.get('/api/v1/session', {
    schema: { tags, summary: 'Who is signed in', response: { 200: sessionSchema } },
    config: { public: true },
    handler: async (req) => describeSession(db, req.principal),
  });

  app.post('/api/v1/session', {
    schema: { tags, summary: 'Sign in with email and password', body: loginSchema, response: { 200: sessionSchema, ...errors(429) } },
    config: { public: true },
    handler: async (req, reply) => {
      const { email, password, workspaceId } = req.body;
      throttle.check(`${req.ip}|${email}`);
      const user = await db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
      const ok = await verifyPassword(password, user?.password_hash ?? (await DUMMY_HASH));
      if (!user || !ok) {
        throttle.fail(`${req.ip}|${email}`);
        throw new AppError('invalid_credentials', 'Wrong email or password.');
      }
      let q = db
        .selectFrom('members')
        .select(['workspace_id', 'role'])
        .where('user_id', '=', user.id)
        .where('status', '=', 'active')
        .orderBy(sql`last_seen_at DESC NULLS LAST`);
      if (workspaceId) q = q.where('workspace_id', '=', workspaceId);
      const member = await q.executeTakeFirst();
      if (!member) throw new AppError('forbidden', workspaceId ? 'You are not a member of that workspace.' : 'Your account has no active workspace.');
      throttle.succeed(`${req.ip}|${email}`);
      const csrfToken = await startSession(db, reply, member.workspace_id, user.id, config.secureCookies);
      return describeSession(db, { workspaceId: member.workspace_id, userId: user.id, role: member.role, csrfToken, via: 'session' });
    },
  });

  app.delete('/api/v1/session', {
    schema: { tags, summary: 'Sign out', response: { 200: z.object({ ok: z.literal(true) }), ...errors() } },
    config: { permission: 'crm:read' },
    handler: async (req, reply) => {
      await endSession(db, reply, req.principal?.sessionId);
      return { ok: true as const };
    },
  });

  app.post('/api/v1/session/workspace', {
    schema: {
      tags,
      summary: 'Switch to another workspace you belong to',
      body: z.strictObject({ workspaceId: z.uuid() }),
      response: { 200: sessionSchema, ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req, reply) => {
      const p = req.principal!;
      if (p.via !== 'session' || !p.userId) throw new AppError('forbidden', 'Only a signed-in user can switch workspaces.');
      const member = await db
        .selectFrom('members')
        .select(['role'])
        .where('workspace_id', '=', req.body.workspaceId)
        .where('user_id', '=', p.userId)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (!member) throw new AppError('forbidden', 'You are not a member of that workspace.');
      await endSession(db, reply, p.sessionId);
      const csrfToken = await startSession(db, reply, req.body.workspaceId, p.userId, config.secureCookies);
      return describeSession(db, { workspaceId: req.body.workspaceId, userId: p.userId, role: member.role, csrfToken, via: 'session' });
    },
  });

  app.post('/api/v1/onboarding', {
    schema: {
      tags,
      summary: 'Create the first workspace and its admin',
      description: 'Only while no workspace exists (a fresh install). Signs the new admin in.',
      body: onboardingSchema,
      response: { 201: sessionSchema, ...errors(409) },
    },
    config: { public: true },
    handler: async (req, reply) => {
      const created = await db.transaction().execute(async (trx) => {
        // serialise concurrent first visits: only one may create the first workspace
        await sql`SELECT pg_advisory_xact_lock(7426001)`.execute(trx);
        const any = await trx.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
        if (any) throw new AppError('onboarding_closed', 'Tandem is already set up. Sign in, or ask an admin for an invitation.');
        const ids = await createWorkspace(trx, req.body);
        const csrf = await startSession(trx, reply, ids.workspaceId, ids.userId, config.secureCookies);
        return { ...ids, csrf };
      });
      reply.code(201);
      return describeSession(db, { workspaceId: created.workspaceId, userId: created.userId, role: 'admin', csrfToken: created.csrf, via: 'session' });
    },
  });

  app.get('/api/v1/invitations/lookup', {
    schema: {
      tags,
      summary: 'Describe an invitation from its emailed token',
      querystring: z.strictObject({ token: z.string().min(10).max(200) }),
      response: {
        200: z.object({ email: z.string(), role: roleSchema, workspaceName: z.string(), existingUser: z.boolean() }),
        ...errors(404),
      },
    },
    config: { public: true },
    handler: async (req) => {
      const inv = await openInvitation(req.query.token);
      const user = await db.selectFrom('users').select('id').where('email', '=', inv.email).executeTakeFirst();
      return { email: inv.email, role: inv.role, workspaceName: inv.workspace_name, existingUser: !!user };
    },
  });

  app.post('/api/v1/invitations/accept', {
    schema: { tags, summary: 'Accept an invitation and sign in', body: acceptInvitationSchema, response: { 200: sessionSchema, ...errors(404) } },
    config: { public: true },
    handler: async (req, reply) => {
      const inv = await openInvitation(req.body.token);
      const accepted = await db.transaction().execute(async (trx) => {
        let user = await trx.selectFrom('users').select(['id', 'password_hash']).where('email', '=', inv.email).executeTakeFirst();
        if (user?.password_hash) {
          if (!(await verifyPassword(req.body.password, user.password_hash))) {
            throw AppError.invalid('password', 'is not the password of your existing Tandem login', 'invalid_credentials');
          }
        } else if (user) {
          await trx.updateTable('users').set({ password_hash: await hashPassword(req.body.password), ...(req.body.name && { name: req.body.name }) }).where('id', '=', user.id).execute();
        } else {
          if (!req.body.name) throw AppError.invalid('name', 'is required');
          user = await trx
            .insertInto('users')
            .values({ email: inv.email, name: req.body.name, password_hash: await hashPassword(req.body.password) })
            .returning(['id', 'password_hash'])
            .executeTakeFirstOrThrow();
        }
        await trx
          .insertInto('members')
          .values({ workspace_id: inv.workspace_id, user_id: user.id, role: inv.role })
          .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ role: inv.role, status: 'active', updated_at: sql`now()` }))
          .execute();
        await trx.updateTable('invitations').set({ accepted_at: sql`now()` }).where('workspace_id', '=', inv.workspace_id).where('id', '=', inv.id).execute();
        const csrfToken = await startSession(trx, reply, inv.workspace_id, user.id, config.secureCookies);
        return { userId: user.id, csrfToken };
      });
      return describeSession(db, { workspaceId: inv.workspace_id, userId: accepted.userId, role: inv.role, csrfToken: accepted.csrfToken, via: 'session' });
    },
  });

  async function openInvitation(token: string) {
    const inv = await db
      .selectFrom('invitations as i')
      .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
      .select(['i.id', 'i.workspace_id', 'i.email', 'i.role', 'w.name as workspace_name'])
      .where('i.token_hash', '=', sha256(token))
      .where('i.accepted_at', 'is', null)
      .where('i.revoked_at', 'is', null)
      .where('i.expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    if (!inv) throw new AppError('not_found', 'This invitation link is not valid any more. Ask an admin to invite you again.');
    return inv;
  }
}
