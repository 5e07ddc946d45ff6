// Bulk actions from the list's selection: by ids, or every contact matching the list filters (so
// "select all 48,210 matches → tag" is one UPDATE, not 48,210 requests).
import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../platform/db.ts';

export interface BulkContactsInput {
  action: 'addTags' | 'removeTags' | 'delete' | 'restore';
  tags?: string[];
  ids?: string[];
  where?: RawBuilder<boolean>[];
}

export async function bulkUpdateContacts(trx: Trx, workspaceId: string, input: BulkContactsInput): Promise<{ affected: number; skipped: number }> {
  let q = trx.updateTable('contacts as c').where('c.workspace_id', '=', workspaceId);
  if (input.ids) q = q.where('c.id', 'in', input.ids.length ? input.ids : ['00000000-0000-0000-0000-000000000000']);
  for (const w of input.where ?? []) q = q.where(w);
  const tags = input.tags ?? [];

  switch (input.action) {
    case 'addTags': {
      const r = await q
        .set({ tags: sql`ARRAY(SELECT DISTINCT unnest(c.tags || ${tags}::text[]))`, updated_at: sql`now()` })
        .where('c.deleted_at', 'is', null)
        .executeTakeFirst();
      return { affected: Number(r.numUpdatedRows), skipped: 0 };
    }
    case 'removeTags': {
      const r = await q
        .set({ tags: sql`ARRAY(SELECT t FROM unnest(c.tags) t WHERE t <> ALL(${tags}::text[]))`, updated_at: sql`now()` })
        .where('c.deleted_at', 'is', null)
        .where(sql<boolean>`c.tags && ${tags}::text[]`)
        .executeTakeFirst();
      return { affected: Number(r.numUpdatedRows), skipped: 0 };
    }
    case 'delete': {
      const r = await q.set({ deleted_at: sql`now()`, updated_at: sql`now()` }).where('c.deleted_at', 'is', null).executeTakeFirst();
      return { affected: Number(r.numUpdatedRows), skipped: 0 };
    }
    case 'restore': {
      // a contact whose email was taken by a new contact meanwhile stays in the trash (skipped)
      const r = await q
        .set({ deleted_at: null, updated_at: sql`now()` })
        .where('c.deleted_at', 'is not', null)
        .where(sql<boolean>`(c.email IS NULL OR NOT EXISTS (
          SELECT 1 FROM contacts o WHERE o.workspace_id = c.workspace_id AND o.email = c.email AND o.deleted_at IS NULL))`)
        .executeTakeFirst();
      const candidates = input.ids?.length ?? Number(r.numUpdatedRows);
      return { affected: Number(r.numUpdatedRows), skipped: Math.max(0, candidates - Number(r.numUpdatedRows)) };
    }
  }
}
