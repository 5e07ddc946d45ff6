import type { DbOrTrx } from '../platform/db.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import type { Note } from './notes.schemas.ts';

export const noteListSpec: ListSpec = {
  alias: 'n',
  defaultSort: '-createdAt',
  fields: {
    contactId: { column: 'contact_id', kind: 'uuid', nullable: true },
    accountId: { column: 'account_id', kind: 'uuid', nullable: true },
    dealId: { column: 'deal_id', kind: 'uuid', nullable: true },
    authorId: { column: 'author_id', kind: 'uuid', nullable: true },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
    updatedAt: { column: 'updated_at', kind: 'date', sortable: true },
  },
};

function selectNotes(db: DbOrTrx, workspaceId: string) {
  return db
    .selectFrom('notes as n')
    .leftJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.contact_id', 'n.account_id', 'n.deal_id', 'n.body', 'n.author_id', 'u.name as author_name', 'n.created_at', 'n.updated_at'])
    .where('n.workspace_id', '=', workspaceId)
    .where('n.deleted_at', 'is', null);
}

type NoteRow = Awaited<ReturnType<ReturnType<typeof selectNotes>['executeTakeFirstOrThrow']>>;

function toNote(r: NoteRow): Note {
  return {
    id: r.id,
    contactId: r.contact_id,
    accountId: r.account_id,
    dealId: r.deal_id,
    body: r.body,
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? 'Unknown' } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listNotes(db: DbOrTrx, workspaceId: string, list: CompiledList) {
  let q = selectNotes(db, workspaceId).select(list.sortValue.as('_sort'));
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  return { data: rows.slice(0, list.limit).map(toNote), nextCursor: list.nextCursor(rows) };
}

export async function findNote(db: DbOrTrx, workspaceId: string, id: string): Promise<Note | undefined> {
  const row = await selectNotes(db, workspaceId).where('n.id', '=', id).executeTakeFirst();
  return row && toNote(row);
}
