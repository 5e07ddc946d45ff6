// Set-based upsert of many accounts matched by domain (batch API and CSV imports), the accounts
// counterpart of contacts/upsert-contacts.ts. New accounts pick up existing contacts at their domain.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import { FREE_EMAIL_DOMAINS } from './domains.ts';
import { takeOverDeletedAccounts } from './accounts.store.ts';

export interface AccountUpsertRecord {
  /** Records without a domain cannot be matched: they are always created. */
  domain: string | null;
  name?: string;
  industry?: string | null;
  employee_count?: number | null;
  annual_revenue?: number | null;
  country?: string | null;
  owner_id?: string | null;
  custom_fields?: Record<string, unknown>;
}

const FIELDS = ['name', 'industry', 'employee_count', 'annual_revenue', 'country', 'owner_id', 'custom_fields'] as const;
type Field = (typeof FIELDS)[number];
const BIT = Object.fromEntries(FIELDS.map((f, i) => [f, 1 << i])) as Record<Field, number>;

export interface AccountUpsertOutcome {
  domain: string | null;
  id: string;
  status: 'created' | 'updated';
}

function mergeByDomain(records: AccountUpsertRecord[]): AccountUpsertRecord[] {
  const byDomain = new Map<string, AccountUpsertRecord>();
  for (const r of records) {
    if (!r.domain) continue;
    const prev = byDomain.get(r.domain);
    if (!prev) {
      byDomain.set(r.domain, { ...r });
      continue;
    }
    const merged = { ...prev } as Record<string, unknown>;
    for (const f of FIELDS) {
      if (r[f] === undefined) continue;
      merged[f] = f === 'custom_fields' ? { ...prev.custom_fields, ...r.custom_fields } : r[f];
    }
    byDomain.set(r.domain, merged as unknown as AccountUpsertRecord);
  }
  return [...byDomain.values()];
}

function input(records: AccountUpsertRecord[]) {
  const col = <T>(get: (r: AccountUpsertRecord) => T) => records.map(get);
  return sql`unnest(
    ${col((r) => r.domain)}::text[], ${col((r) => r.name ?? r.domain ?? 'Unnamed account')}::text[], ${col((r) => r.industry ?? null)}::text[],
    ${col((r) => r.employee_count ?? null)}::int[], ${col((r) => r.annual_revenue ?? null)}::numeric[],
    ${col((r) => r.country ?? null)}::text[], ${col((r) => r.owner_id ?? null)}::uuid[],
    ${col((r) => JSON.stringify(r.custom_fields ?? {}))}::jsonb[],
    ${col((r) => FIELDS.reduce((m, f) => (r[f] !== undefined ? m | BIT[f] : m), 0))}::int[]
  ) AS i(domain, name, industry, employee_count, annual_revenue, country, owner_id, custom_fields, mask)`;
}

export async function upsertAccounts(db: DbOrTrx, workspaceId: string, given: AccountUpsertRecord[]): Promise<AccountUpsertOutcome[]> {
  const withoutDomain = given.filter((r) => !r.domain);
  let created: AccountUpsertOutcome[] = [];
  if (withoutDomain.length) {
    const { rows } = await sql<{ id: string }>`
      INSERT INTO accounts (workspace_id, domain, name, industry, employee_count, annual_revenue, country, owner_id, custom_fields)
      SELECT ${workspaceId}, NULL, i.name, i.industry, i.employee_count, i.annual_revenue, i.country, i.owner_id,
        jsonb_strip_nulls(i.custom_fields)
      FROM ${input(withoutDomain)}
      RETURNING id`.execute(db);
    created = rows.map((r) => ({ domain: null, id: r.id, status: 'created' as const }));
  }
  return [...created, ...(await upsertByDomain(db, workspaceId, mergeByDomain(given)))];
}

async function upsertByDomain(db: DbOrTrx, workspaceId: string, records: AccountUpsertRecord[]): Promise<AccountUpsertOutcome[]> {
  if (records.length === 0) return [];
  const inserted = await sql<{ id: string; domain: string }>`
    INSERT INTO accounts (workspace_id, domain, name, industry, employee_count, annual_revenue, country, owner_id, custom_fields)
    SELECT ${workspaceId}, i.domain, i.name, i.industry, i.employee_count, i.annual_revenue, i.country, i.owner_id,
      jsonb_strip_nulls(i.custom_fields)
    FROM ${input(records)}
    ON CONFLICT (workspace_id, domain) WHERE deleted_at IS NULL AND domain IS NOT NULL DO NOTHING
    RETURNING id, domain`.execute(db);

  const created = new Set(inserted.rows.map((r) => r.domain));
  const rest = records.filter((r) => !created.has(r.domain!));
  let updated: Array<{ id: string; domain: string }> = [];
  if (rest.length > 0) {
    const set = (f: Exclude<Field, 'custom_fields'>) =>
      sql`${sql.ref(f)} = CASE WHEN i.mask & ${BIT[f]} <> 0 THEN i.${sql.ref(f)} ELSE a.${sql.ref(f)} END`;
    updated = (
      await sql<{ id: string; domain: string }>`
        UPDATE accounts a SET ${set('name')}, ${set('industry')}, ${set('employee_count')}, ${set('annual_revenue')},
          ${set('country')}, ${set('owner_id')},
          custom_fields = CASE WHEN i.mask & ${BIT.custom_fields} <> 0
            THEN jsonb_strip_nulls(a.custom_fields || i.custom_fields) ELSE a.custom_fields END,
          updated_at = now()
        FROM ${input(rest)}
        WHERE a.workspace_id = ${workspaceId} AND a.domain = i.domain AND a.deleted_at IS NULL
        RETURNING a.id, a.domain`.execute(db)
    ).rows;
  }

  const createdIds = inserted.rows.filter((r) => !FREE_EMAIL_DOMAINS.has(r.domain)).map((r) => r.id);
  // the new accounts pick up existing contacts at their domain
  if (createdIds.length > 0) {
    await sql`
      UPDATE contacts c SET account_id = a.id, updated_at = now()
      FROM accounts a
      WHERE a.workspace_id = ${workspaceId} AND a.id = ANY(${createdIds}::uuid[])
        AND c.workspace_id = ${workspaceId} AND c.deleted_at IS NULL AND c.account_id IS NULL
        AND split_part(c.email, '@', 2) = a.domain`.execute(db);
  }
  await takeOverDeletedAccounts(db, workspaceId, inserted.rows);

  const byDomain = new Map<string, AccountUpsertOutcome>();
  for (const r of inserted.rows) byDomain.set(r.domain, { domain: r.domain, id: r.id, status: 'created' });
  for (const r of updated) byDomain.set(r.domain, { domain: r.domain, id: r.id, status: 'updated' });
  return records.map((r) => byDomain.get(r.domain!)!).filter(Boolean);
}
