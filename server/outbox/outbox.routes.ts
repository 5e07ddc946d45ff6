import { z } from 'zod';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { errors } from '../platform/openapi.ts';
import { compileList, listQuerySchema, type ListSpec } from '../platform/list-query.ts';

const outboxEmailSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    status: z.enum(['outbox_only', 'queued', 'sent', 'failed']),
    lastError: z.string().nullable(),
    createdAt: z.date(),
    sentAt: z.date().nullable(),
  })
  .meta({ id: 'OutboxEmail' });

const spec: ListSpec = {
  alias: 'o',
  defaultSort: '-createdAt',
  fields: {
    status: { column: 'status', kind: 'enum', values: ['outbox_only', 'queued', 'sent', 'failed'] },
    kind: { column: 'kind', kind: 'text' },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
  },
};

export function outboxRoutes(app: App, ctx: AppContext): void {
  app.get('/api/v1/outbox', {
    schema: {
      tags: ['Outbox'],
      summary: 'Emails Tandem has sent or would send',
      description: 'Without SMTP_URL, emails (such as invitations) wait here with status `outbox_only`.',
      querystring: listQuerySchema.omit({ q: true, includeTotal: true }),
      response: {
        200: z.object({ data: z.array(outboxEmailSchema), nextCursor: z.string().nullable(), smtpConfigured: z.boolean() }),
        ...errors(),
      },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      const list = compileList(spec, { ...req.query, includeTotal: false }, []);
      let q = ctx.db.selectFrom('outbox_emails as o').selectAll('o').select(list.sortValue.as('_sort')).where('o.workspace_id', '=', req.principal!.workspaceId);
      for (const w of list.where) q = q.where(w);
      for (const o of list.orderBy) q = q.orderBy(o);
      const rows = await q.limit(list.limit + 1).execute();
      return {
        data: rows.slice(0, list.limit).map((r) => ({
          id: r.id,
          kind: r.kind,
          to: r.to_address,
          subject: r.subject,
          text: r.text_body,
          status: r.status,
          lastError: r.last_error,
          createdAt: r.created_at,
          sentAt: r.sent_at,
        })),
        nextCursor: list.nextCursor(rows),
        smtpConfigured: !!ctx.config.smtpUrl,
      };
    },
  });
}
