// Bulk actions from the list's selection: by ids, or every contact matching the list filters (so
// "select all 48,210 matches → tag" is one UPDATE, not 48,210 requests).
import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../platform/db.ts';

export interface BulkContactsInput {
  action: 'addTags' | 'removeTags' | 'delete' | 'restore';
  tags?: string[];
  ids?: string[];
  where?: RawBuilder<boolean>[];
  /** restore: only contacts deleted at this instant (one bulk delete's transaction time) */
  deletedAt?: string;
}

export async function bulkUpdateContacts(
  trx: Trx,
  workspaceId: string,
  input: BulkContactsInput,
): Promise<{ affected: number; skipped: number; deletedAt?: string }> {
  let q = trx.updateTable('contacts as c').where('c.workspace_id', '=', workspaceId);
  if (input.ids) q = q.where('c.id', 'in', input.ids.length ? input.ids : ['00000000-0000-0000-0000-000000000000']);
  for (const w of input.where ?? []) q = q.where(w);
  const tags = input.tags ?? [];

  switch (input.action) {
    case 'addTags': {
      // appended in order, each tag once: a contact's existing tags keep their order
      const r = await q
        .set({
          tags: sql`ARRAY(SELECT t FROM unnest(c.tags || ${tags}::text[]) WITH ORDINALITY AS u(t, n) GROUP BY t ORDER BY min(n))`,
          updated_at: sql`now()`,
        })
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
      // now() is the transaction's time: every contact of this delete shares it, which makes it the undo key
      const r = await q
        .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
        .where('c.deleted_at', 'is', null)
        .executeTakeFirst();
      const { rows } = await sql<{ t: string }>`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t`.execute(trx);
      return { affected: Number(r.numUpdatedRows), skipped: 0, deletedAt: rows[0].t };
    }
    case 'restore':
      return restoreContacts(trx, workspaceId, input);
  }
}

/**
 * A deleted contact whose email was taken by another contact meanwhile stays in the trash (skipped);
 * of several deleted contacts sharing an email, only the most recently deleted one comes back.
 */
async function restoreContacts(trx: Trx, workspaceId: string, input: BulkContactsInput): Promise<{ affected: number; skipped: number }> {
  let candidates = trx.selectFrom('contacts as c').where('c.workspace_id', '=', workspaceId).where('c.deleted_at', 'is not', null);
  // a merged contact's history lives on in its survivor; bringing it back would make an empty duplicate
  candidates = candidates.where('c.merged_into_id', 'is', null);
  if (input.ids) candidates = candidates.where('c.id', 'in', input.ids.length ? input.ids : ['00000000-0000-0000-0000-000000000000']);
  for (const w of input.where ?? []) candidates = candidates.where(w);
  if (input.deletedAt) candidates = candidates.where('c.deleted_at', '=', sql<Date>`${input.deletedAt}::timestamptz`);

  const chosen = candidates
    .where(
      sql<boolean>`(c.email IS NULL OR NOT EXISTS (
      SELECT 1 FROM contacts o WHERE o.workspace_id = c.workspace_id AND o.email = c.email AND o.deleted_at IS NULL))`,
    )
    .distinctOn(sql`coalesce(c.email, c.id::text)`)
    .select('c.id')
    .orderBy(sql`coalesce(c.email, c.id::text)`)
    .orderBy('c.deleted_at', 'desc')
    .orderBy('c.id');

  const total = await candidates.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const r = await trx
    .updateTable('contacts as r')
    .set({ deleted_at: null, updated_at: sql`now()` })
    .where('r.workspace_id', '=', workspaceId)
    .where('r.id', 'in', chosen)
    .executeTakeFirst();
  const affected = Number(r.numUpdatedRows);
  return { affected, skipped: Number(total.n) - affected };
}
