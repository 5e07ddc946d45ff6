import { z } from 'zod';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { errors } from '../platform/openapi.ts';

const workspaceSchema = z.object({ id: z.uuid(), name: z.string(), createdAt: z.date() }).meta({ id: 'Workspace' });

export function workspaceRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;
  const load = async (id: string) => {
    const w = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { id: w.id, name: w.name, createdAt: w.created_at };
  };

  app.get('/api/v1/workspace', {
    schema: { tags: ['Workspace'], summary: 'The current workspace', response: { 200: workspaceSchema, ...errors() } },
    config: { permission: 'crm:read' },
    handler: async (req) => load(req.principal!.workspaceId),
  });

  app.patch('/api/v1/workspace', {
    schema: {
      tags: ['Workspace'],
      summary: 'Rename the workspace',
      body: z.strictObject({ name: z.string().trim().min(1, 'must not be empty').max(100) }),
      response: { 200: workspaceSchema, ...errors() },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      await db.updateTable('workspaces').set({ name: req.body.name }).where('id', '=', req.principal!.workspaceId).execute();
      return load(req.principal!.workspaceId);
    },
  });
}
