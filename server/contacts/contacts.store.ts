// SQL for contacts. Every function takes the db or a transaction first and filters by workspace.
import { sql, type Selectable } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { ContactsTable, LifecycleStage } from '../db-schema.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import type { JsonPage } from '../platform/json-page.ts';
import { prepared } from '../platform/prepared-statements.ts';
import type { Contact } from './contacts.schemas.ts';
import { lifecycleStages } from './contacts.schemas.ts';

export const contactListSpec: ListSpec = {
  alias: 'c',
  defaultSort: '-createdAt',
  searchColumn: 'search_text',
  customFieldsColumn: 'custom_fields',
  fields: {
    id: { column: 'id', kind: 'uuid' },
    email: { column: 'email', kind: 'text', sortable: true, nullable: true, lowercase: true },
    firstName: { column: 'first_name', kind: 'text', sortable: true, nullable: true },
    lastName: { column: 'last_name', kind: 'text', sortable: true, nullable: true },
    phone: { column: 'phone', kind: 'text', nullable: true },
    title: { column: 'title', kind: 'text', sortable: true, nullable: true },
    accountId: { column: 'account_id', kind: 'uuid', nullable: true },
    ownerId: { column: 'owner_id', kind: 'uuid', nullable: true },
    lifecycleStage: { column: 'lifecycle_stage', kind: 'enum', sortable: true, nullable: true, values: lifecycleStages },
    tags: { column: 'tags', kind: 'tags' },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
    updatedAt: { column: 'updated_at', kind: 'date', sortable: true },
  },
};

type ContactRow = Omit<Selectable<ContactsTable>, 'search_text' | 'workspace_id' | 'deleted_at' | 'account_id' | 'merged_into_id'> & { account_name: string | null; account_domain: string | null; linked_account_id: string | null };

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    title: row.title,
    accountId: row.linked_account_id,
    account: row.linked_account_id ? { id: row.linked_account_id, name: row.account_name!, domain: row.account_domain } : null,
    ownerId: row.owner_id,
    lifecycleStage: row.lifecycle_stage,
    tags: row.tags,
    customFields: row.custom_fields,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fromContacts(db: DbOrTrx, workspaceId: string) {
  return db
    .selectFrom('contacts as c')
    .leftJoin('accounts as a', (j) =>
      j.onRef('a.workspace_id', '=', 'c.workspace_id').onRef('a.id', '=', 'c.account_id').on('a.deleted_at', 'is', null),
    )
    .where('c.workspace_id', '=', workspaceId);
}

function selectContacts(db: DbOrTrx, workspaceId: string) {
  return (
    fromContacts(db, workspaceId)
      // the columns the API returns (not search_text or the raw account_id: less to read and to parse)
      .select(['c.id', 'c.email', 'c.first_name', 'c.last_name', 'c.phone', 'c.title', 'c.owner_id', 'c.lifecycle_stage', 'c.tags', 'c.custom_fields', 'c.created_at', 'c.updated_at'])
      .select(['a.id as linked_account_id', 'a.name as account_name', 'a.domain as account_domain'])
  );
}

/** Milliseconds and `Z`, as JSON.stringify writes a Date: the same text whichever path built the JSON. */
const isoTime = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A contact as the API's JSON, built by PostgreSQL: a list page then goes out as text, without node
 * parsing rows into objects and serialising them again (a third of the server's CPU per list request).
 * The same shape as `toContact`; `contacts-json.test.ts` compares the two field by field.
 * Cast to text so the driver hands the JSON over as a string instead of parsing it.
 */
const contactJson = sql<string>`json_build_object(
  'id', c.id, 'email', c.email, 'firstName', c.first_name, 'lastName', c.last_name, 'phone', c.phone, 'title', c.title,
  'accountId', a.id,
  'account', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name, 'domain', a.domain) END,
  'ownerId', c.owner_id, 'lifecycleStage', c.lifecycle_stage, 'tags', c.tags, 'customFields', c.custom_fields,
  'createdAt', ${isoTime('c.created_at')}, 'updatedAt', ${isoTime('c.updated_at')})::text`;

/** Contacts as objects, for callers that work with them (CSV export). */
export async function listContacts(
  db: DbOrTrx,
  workspaceId: string,
  list: CompiledList,
): Promise<{ data: Contact[]; nextCursor: string | null }> {
  let q = selectContacts(db, workspaceId).select(list.sortValue.as('_sort')).where('c.deleted_at', 'is', null);
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  return { data: rows.slice(0, list.limit).map(toContact), nextCursor: list.nextCursor(rows) };
}

/** The same page as `listContacts`, each contact already JSON text (see `contactJson`), for the API's list. */
export async function listContactsAsJson(db: DbOrTrx, workspaceId: string, list: CompiledList): Promise<JsonPage> {
  let q = fromContacts(db, workspaceId)
    .select(['c.id', contactJson.as('json'), list.sortValue.as('_sort')])
    .where('c.deleted_at', 'is', null);
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  // prepared with the limit written into the text: PostgreSQL plans a generic `LIMIT $n` for 10% of
  // the table and so would never switch to the generic plan and stop planning on every call
  const rows = await (list.planStable ? prepared(q.limit(sql.lit(list.limit + 1))) : q.limit(list.limit + 1)).execute();
  return { items: rows.slice(0, list.limit).map((r) => r.json), nextCursor: list.nextCursor(rows) };
}

export async function countContacts(db: DbOrTrx, workspaceId: string, list: CompiledList): Promise<number> {
  let q = db
    .selectFrom('contacts as c')
    .select(sql<number>`count(*)`.as('n'))
    .where('c.workspace_id', '=', workspaceId)
    .where('c.deleted_at', 'is', null);
  for (const w of list.where) q = q.where(w);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findContact(db: DbOrTrx, workspaceId: string, id: string): Promise<Contact | undefined> {
  const row = await selectContacts(db, workspaceId).where('c.id', '=', id).where('c.deleted_at', 'is', null).executeTakeFirst();
  return row && toContact(row);
}

export async function findContactIdByEmail(db: DbOrTrx, workspaceId: string, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('email', '=', email)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

/** The stored values an update builds on; `account_id` is null when the linked account was deleted. */
export async function findContactForUpdate(db: DbOrTrx, workspaceId: string, id: string) {
  return db
    .selectFrom('contacts')
    .select(['custom_fields', 'email', 'first_name', 'last_name'])
    .select(
      sql<string | null>`(SELECT a.id FROM accounts a
        WHERE a.workspace_id = contacts.workspace_id AND a.id = contacts.account_id AND a.deleted_at IS NULL)`.as('account_id'),
    )
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export interface ContactValues {
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
  title?: string | null;
  account_id?: string | null;
  owner_id?: string | null;
  lifecycle_stage?: LifecycleStage | null;
  tags?: string[];
  custom_fields?: Record<string, unknown>;
}

export async function insertContact(db: DbOrTrx, workspaceId: string, values: ContactValues): Promise<string> {
  const row = await db
    .insertInto('contacts')
    .values({
      workspace_id: workspaceId,
      ...values,
      custom_fields: JSON.stringify(values.custom_fields ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateContactRow(db: DbOrTrx, workspaceId: string, id: string, values: ContactValues): Promise<void> {
  const { custom_fields, ...rest } = values;
  await db
    .updateTable('contacts')
    .set({
      ...rest,
      ...(custom_fields !== undefined && { custom_fields: JSON.stringify(custom_fields) }),
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Soft delete: contacts stay restorable (bulk action `restore`) and keep their history. */
export async function softDeleteContacts(db: DbOrTrx, workspaceId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('contacts')
    .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
