// Browser sessions: an opaque token in an HttpOnly, SameSite=Lax cookie; only its hash is stored.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyReply } from 'fastify';
import type { DbOrTrx } from '../platform/db.ts';
import { newToken, sha256 } from '../platform/auth/secrets.ts';
import { SESSION_COOKIE } from '../platform/auth/principal.ts';
import type { Session } from './users.schemas.ts';

const SESSION_DAYS = 30;

/** Creates a session, sets its cookie and returns its CSRF token. */
export async function startSession(db: DbOrTrx, reply: FastifyReply, workspaceId: string, userId: string, secure: boolean): Promise<string> {
  const token = newToken('', 32);
  const csrfToken = crypto.randomBytes(18).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      workspace_id: workspaceId,
      id: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    })
    .execute();
  await db.updateTable('members').set({ last_seen_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: SESSION_DAYS * 86_400,
  });
  return csrfToken;
}

export async function endSession(db: DbOrTrx, reply: FastifyReply, sessionId: string | undefined): Promise<void> {
  if (sessionId) await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export async function describeSession(
  db: DbOrTrx,
  principal: { workspaceId: string; userId: string | null; role: Session['role']; csrfToken?: string; via: string } | null,
): Promise<Session> {
  if (!principal || principal.via !== 'session' || !principal.userId) {
    const any = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
    return { authenticated: false, onboardingOpen: !any, user: null, workspace: null, role: null, workspaces: [], csrfToken: null };
  }
  const user = await db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', principal.userId).executeTakeFirstOrThrow();
  const workspaces = await db
    .selectFrom('members as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .select(['w.id', 'w.name', 'm.role'])
    .where('m.user_id', '=', principal.userId)
    .where('m.status', '=', 'active')
    .orderBy('w.name')
    .execute();
  const current = workspaces.find((w) => w.id === principal.workspaceId)!;
  return {
    authenticated: true,
    onboardingOpen: false,
    user,
    workspace: { id: current.id, name: current.name },
    role: principal.role,
    workspaces,
    csrfToken: principal.csrfToken ?? null,
  };
}
