// Test servers on real HTTP over a real database (a fresh PGlite copy, or a fresh PostgreSQL
// database when TEST_DATABASE_URL is set), plus small factories for workspaces and users.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type OpenDatabase } from '../platform/db.ts';
import { buildApp } from '../app.ts';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { initWorkspace } from '../workspaces/init-workspace.ts';
import { createApiKey } from '../api-keys/create-api-key.ts';
import { hashPassword } from '../platform/auth/secrets.ts';
import type { Role } from '../db-schema.ts';
import { withDatabase } from './global-setup.ts';

export interface TestServer {
  url: string;
  app: App;
  ctx: AppContext;
  database: OpenDatabase;
  config: Config;
  /** Runs queued jobs until none are due. */
  drainJobs(): Promise<number>;
  close(): Promise<void>;
}

let snapshot: Blob | undefined;

export async function openTestDatabase(): Promise<{ database: OpenDatabase; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `tandem_t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 10 });
    return {
      database,
      drop: async () => {
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  snapshot ??= new Blob([fs.readFileSync(inject('pgliteSnapshot'))]);
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: snapshot });
  return { database, drop: async () => {} };
}

export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const { database, drop } = await openTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-test-'));
  const config: Config = { ...loadConfig({}), dataDir, runWorker: true, ...overrides };
  const { app, ctx } = await buildApp({ config, database, logger: false, validateResponses: true, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  config.publicUrl = url;
  if (config.runWorker) ctx.worker.start();
  return {
    url,
    app,
    ctx,
    database,
    config,
    drainJobs: () => ctx.worker.drain(),
    close: async () => {
      await app.close();
      await ctx.worker.stop();
      await database.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A client for one principal: an API key, or a session cookie (with its CSRF token). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private auth: { apiKey?: string; cookie?: string; csrf?: string } = {},
  ) {}

  withAuth(auth: { apiKey?: string; cookie?: string; csrf?: string }): ApiClient {
    return new ApiClient(this.baseUrl, auth);
  }

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.auth.apiKey) h.authorization = `Bearer ${this.auth.apiKey}`;
    if (this.auth.cookie) h.cookie = this.auth.cookie;
    if (this.auth.csrf && method !== 'GET') h['x-csrf-token'] = this.auth.csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      if (typeof body === 'string') payload = body;
      else {
        payload = JSON.stringify(body);
        h['content-type'] ??= 'application/json';
      }
    }
    const res = await fetch(this.baseUrl + url, { method, headers: h, body: payload });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') && text ? JSON.parse(text) : text;
    const setCookie = res.headers.get('set-cookie');
    if (setCookie && /tandem_session=([^;]+)/.test(setCookie)) {
      this.auth.cookie = `tandem_session=${/tandem_session=([^;]*)/.exec(setCookie)![1]}`;
      if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.auth.csrf = (parsed as { csrfToken: string }).csrfToken;
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  patch<T = any>(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body, headers);
  }
  delete<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }
}

export interface TestWorkspace {
  workspaceId: string;
  adminId: string;
  apiKey: string;
  api: ApiClient;
  /** An API client with the given role in this workspace. */
  as(role: Role): Promise<ApiClient>;
  /** Adds a signed-up user with a role; returns its id. */
  addUser(role: Role, email?: string, name?: string): Promise<string>;
}

let counter = 0;

export async function createTestWorkspace(server: TestServer, name = `Workspace ${++counter}`): Promise<TestWorkspace> {
  const email = `admin-${crypto.randomBytes(4).toString('hex')}@example.com`;
  const ids = await initWorkspace(server.database.db, { workspace: name, email, password: 'correct horse battery', name: 'Ada Admin' });
  const api = new ApiClient(server.url, { apiKey: ids.apiKey });
  const addUser = async (role: Role, userEmail = `${role}-${crypto.randomBytes(4).toString('hex')}@example.com`, userName = `${role} user`) => {
    const user = await server.database.db
      .insertInto('users')
      .values({ email: userEmail, name: userName, password_hash: await hashPassword('correct horse battery') })
      .returning('id')
      .executeTakeFirstOrThrow();
    await server.database.db.insertInto('members').values({ workspace_id: ids.workspaceId, user_id: user.id, role }).execute();
    return user.id;
  };
  return {
    workspaceId: ids.workspaceId,
    adminId: ids.userId,
    apiKey: ids.apiKey,
    api,
    addUser,
    as: async (role) => {
      const { key } = await createApiKey(server.database.db, ids.workspaceId, { name: `${role} key`, role, createdBy: ids.userId });
      return new ApiClient(server.url, { apiKey: key });
    },
  };
}
