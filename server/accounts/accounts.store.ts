// SQL for accounts (companies). Every function takes the db or a transaction first and filters by workspace.
import { sql, type Selectable } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { AccountsTable } from '../db-schema.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import type { Account } from './accounts.schemas.ts';

export const accountListSpec: ListSpec = {
  alias: 'a',
  defaultSort: '-createdAt',
  searchColumn: 'search_text',
  customFieldsColumn: 'custom_fields',
  fields: {
    id: { column: 'id', kind: 'uuid' },
    name: { column: 'name', kind: 'text', sortable: true },
    domain: { column: 'domain', kind: 'text', sortable: true, nullable: true, lowercase: true },
    industry: { column: 'industry', kind: 'text', sortable: true, nullable: true },
    employeeCount: { column: 'employee_count', kind: 'number', sortable: true, nullable: true },
    annualRevenue: { column: 'annual_revenue', kind: 'number', sortable: true, nullable: true },
    country: { column: 'country', kind: 'text', sortable: true, nullable: true },
    ownerId: { column: 'owner_id', kind: 'uuid', nullable: true },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
    updatedAt: { column: 'updated_at', kind: 'date', sortable: true },
  },
};

type AccountRow = Selectable<AccountsTable> & { contact_count: number };

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    industry: row.industry,
    employeeCount: row.employee_count,
    annualRevenue: row.annual_revenue,
    country: row.country,
    ownerId: row.owner_id,
    customFields: row.custom_fields,
    contactCount: Number(row.contact_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectAccounts(db: DbOrTrx, workspaceId: string) {
  return db
    .selectFrom('accounts as a')
    .selectAll('a')
    .select(
      sql<number>`(SELECT count(*) FROM contacts c WHERE c.workspace_id = a.workspace_id AND c.account_id = a.id AND c.deleted_at IS NULL)`.as(
        'contact_count',
      ),
    )
    .where('a.workspace_id', '=', workspaceId);
}

export async function listAccounts(db: DbOrTrx, workspaceId: string, list: CompiledList) {
  let q = selectAccounts(db, workspaceId).select(list.sortValue.as('_sort')).where('a.deleted_at', 'is', null);
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  return { data: rows.slice(0, list.limit).map(toAccount), nextCursor: list.nextCursor(rows) };
}

export async function countAccounts(db: DbOrTrx, workspaceId: string, list: CompiledList): Promise<number> {
  let q = db
    .selectFrom('accounts as a')
    .select(sql<number>`count(*)`.as('n'))
    .where('a.workspace_id', '=', workspaceId)
    .where('a.deleted_at', 'is', null);
  for (const w of list.where) q = q.where(w);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function findAccount(db: DbOrTrx, workspaceId: string, id: string): Promise<Account | undefined> {
  const row = await selectAccounts(db, workspaceId).where('a.id', '=', id).where('a.deleted_at', 'is', null).executeTakeFirst();
  return row && toAccount(row);
}

export async function findAccountIdByDomain(db: DbOrTrx, workspaceId: string, domain: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('domain', '=', domain)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

/** Links contacts without an account whose email is at `domain` (after an account gains that domain). */
export async function linkContactsByDomain(db: DbOrTrx, workspaceId: string, accountId: string, domain: string): Promise<number> {
  const result = await sql`
    UPDATE contacts SET account_id = ${accountId}, updated_at = now()
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND account_id IS NULL
      AND split_part(email, '@', 2) = ${domain}`.execute(db);
  return Number(result.numAffectedRows ?? 0) + (await takeOverDeletedAccounts(db, workspaceId, [{ id: accountId, domain }]));
}

/**
 * A new account with the domain of a deleted one takes over its contacts, which otherwise would
 * point at the trash and show no account. (Restoring the old account afterwards leaves them here.)
 */
export async function takeOverDeletedAccounts(db: DbOrTrx, workspaceId: string, accounts: Array<{ id: string; domain: string }>): Promise<number> {
  if (accounts.length === 0) return 0;
  const result = await sql`
    UPDATE contacts c SET account_id = n.id, updated_at = now()
    FROM unnest(${accounts.map((a) => a.id)}::uuid[], ${accounts.map((a) => a.domain)}::text[]) AS n(id, domain)
    JOIN accounts d ON d.workspace_id = ${workspaceId} AND d.domain = n.domain AND d.deleted_at IS NOT NULL
    WHERE c.workspace_id = ${workspaceId} AND c.account_id = d.id AND c.deleted_at IS NULL`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
