// Who is calling: resolved once per /api/v1 request from `Authorization: Bearer <key>` or the session
// cookie, then checked against the route's declared permission. Cookie-authenticated writes must echo
// the session's CSRF token in `x-csrf-token` (double-submit), so a cross-site form cannot act as the user.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import type { Role } from '../../db-schema.ts';
import { AppError } from '../errors.ts';
import { can } from './permissions.ts';
import { sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'tandem_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Principal {
  workspaceId: string;
  role: Role;
  /** The signed-in user, or the user who created the API key. */
  userId: string | null;
  via: 'session' | 'api_key';
  apiKeyId?: string;
  sessionId?: string;
  csrfToken?: string;
}

interface CachedKey {
  principal: Principal;
  expiresAt: number;
}

/**
 * API-key lookups are cached for a few seconds: at thousands of requests per second the key table
 * would otherwise be read on every call. A revoked key stops working within CACHE_MS on other
 * processes (immediately on this one). last_used_at is written at most once a minute per key.
 */
export class PrincipalResolver {
  private readonly keyCache = new Map<string, CachedKey>();
  private readonly lastUsedWritten = new Map<string, number>();
  private static readonly CACHE_MS = 5_000;

  constructor(private readonly db: Db) {}

  forget(apiKeyId: string): void {
    for (const [hash, cached] of this.keyCache) if (cached.principal.apiKeyId === apiKeyId) this.keyCache.delete(hash);
  }

  async resolve(request: FastifyRequest): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AppError('unauthenticated', 'The Authorization header must be `Bearer <API key>`.');
      const principal = await this.byApiKey(match[1]);
      if (!principal) throw new AppError('unauthenticated', 'The API key is not valid or has been revoked.');
      return principal;
    }
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) return this.bySession(token);
    return null;
  }

  private async byApiKey(key: string): Promise<Principal | null> {
    const hash = sha256(key);
    const now = Date.now();
    const cached = this.keyCache.get(hash);
    if (cached && cached.expiresAt > now) {
      this.touch(cached.principal, now);
      return cached.principal;
    }
    const row = await this.db
      .selectFrom('api_keys')
      .select(['id', 'workspace_id', 'role', 'created_by'])
      .where('key_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) {
      this.keyCache.delete(hash);
      return null;
    }
    const principal: Principal = {
      workspaceId: row.workspace_id,
      role: row.role,
      userId: row.created_by,
      via: 'api_key',
      apiKeyId: row.id,
    };
    this.keyCache.set(hash, { principal, expiresAt: now + PrincipalResolver.CACHE_MS });
    this.touch(principal, now);
    return principal;
  }

  private touch(principal: Principal, now: number): void {
    const id = principal.apiKeyId!;
    if ((this.lastUsedWritten.get(id) ?? 0) > now - 60_000) return;
    this.lastUsedWritten.set(id, now);
    this.db
      .updateTable('api_keys')
      .set({ last_used_at: sql<Date>`now()` })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .execute()
      .catch(() => this.lastUsedWritten.delete(id));
  }

  private async bySession(token: string): Promise<Principal | null> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('members as m', (j) => j.onRef('m.workspace_id', '=', 's.workspace_id').onRef('m.user_id', '=', 's.user_id'))
      .select(['s.id', 's.workspace_id', 's.user_id', 's.csrf_token', 'm.role'])
      .where('s.id', '=', sha256(token))
      .where('s.expires_at', '>', sql<Date>`now()`)
      .where('m.status', '=', 'active')
      .executeTakeFirst();
    if (!row) return null;
    return {
      workspaceId: row.workspace_id,
      role: row.role,
      userId: row.user_id,
      via: 'session',
      sessionId: row.id,
      csrfToken: row.csrf_token,
    };
  }
}

/** onRequest hook for /api/v1: authenticate, check CSRF for cookie writes, check the route's permission. */
export function authorize(resolver: PrincipalResolver) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const config = request.routeOptions.config;
    if (config.public) {
      // public routes may still use the caller's identity when present (e.g. GET /session)
      request.principal = await resolver.resolve(request).catch(() => null);
      return;
    }
    const principal = await resolver.resolve(request);
    if (!principal) throw new AppError('unauthenticated', 'Sign in or send `Authorization: Bearer <API key>`.');
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== principal.csrfToken) {
        throw new AppError('csrf_failed', 'Missing or wrong x-csrf-token header for a cookie-authenticated request.');
      }
    }
    if (!config.permission) throw new AppError('forbidden', 'This route declares no permission.');
    if (!can(principal.role, config.permission)) {
      throw new AppError('forbidden', `Your role (${principal.role}) does not allow this (${config.permission}).`);
    }
    request.principal = principal;
  };
}
