// Set-based upsert of many contacts matched by email, for the batch API and CSV imports: one INSERT
// for the new ones and one UPDATE for the rest, whatever the batch size. Only fields present on a
// record are written (a missing field keeps the stored value; null clears it). New contacts and
// existing ones without an account are linked to the account whose domain matches their email.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { LifecycleStage } from '../db-schema.ts';
import { companyDomainOfEmail } from '../accounts/domains.ts';

export interface ContactUpsertRecord {
  /** Records without an email cannot be matched: they are always created. */
  email: string | null;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
  title?: string | null;
  account_id?: string | null;
  owner_id?: string | null;
  lifecycle_stage?: LifecycleStage | null;
  tags?: string[];
  /** Validated values; null removes a key. */
  custom_fields?: Record<string, unknown>;
}

const FIELDS = ['first_name', 'last_name', 'phone', 'title', 'account_id', 'owner_id', 'lifecycle_stage', 'tags', 'custom_fields'] as const;
type Field = (typeof FIELDS)[number];
const BIT = Object.fromEntries(FIELDS.map((f, i) => [f, 1 << i])) as Record<Field, number>;

export interface UpsertOutcome {
  email: string | null;
  id: string;
  status: 'created' | 'updated';
}

/** Later records for the same email override earlier ones field by field. */
export function mergeByEmail(records: ContactUpsertRecord[]): ContactUpsertRecord[] {
  const byEmail = new Map<string, ContactUpsertRecord>();
  for (const r of records) {
    if (!r.email) continue;
    const prev = byEmail.get(r.email);
    if (!prev) {
      byEmail.set(r.email, { ...r });
      continue;
    }
    const merged: ContactUpsertRecord = { ...prev };
    for (const f of FIELDS) {
      if (r[f] === undefined) continue;
      if (f === 'custom_fields') merged.custom_fields = { ...prev.custom_fields, ...r.custom_fields };
      else (merged as unknown as Record<string, unknown>)[f] = r[f];
    }
    byEmail.set(r.email, merged);
  }
  return [...byEmail.values()];
}

function columns(records: ContactUpsertRecord[]) {
  const col = <T>(get: (r: ContactUpsertRecord) => T) => records.map(get);
  return {
    email: col((r) => r.email),
    first_name: col((r) => r.first_name ?? null),
    last_name: col((r) => r.last_name ?? null),
    phone: col((r) => r.phone ?? null),
    title: col((r) => r.title ?? null),
    account_id: col((r) => r.account_id ?? null),
    owner_id: col((r) => r.owner_id ?? null),
    lifecycle_stage: col((r) => r.lifecycle_stage ?? null),
    // text[][] cannot hold ragged rows, so tags travel as JSON and are expanded in SQL
    tags: col((r) => JSON.stringify(r.tags ?? [])),
    custom_fields: col((r) => JSON.stringify(r.custom_fields ?? {})),
    domain: col((r) => companyDomainOfEmail(r.email)),
    mask: col((r) => FIELDS.reduce((m, f) => (r[f] !== undefined ? m | BIT[f] : m), 0)),
  };
}

function inputRelation(c: ReturnType<typeof columns>, workspaceId: string) {
  return sql`(
    SELECT i.*, a.id AS domain_account_id FROM unnest(
      ${c.email}::text[], ${c.first_name}::text[], ${c.last_name}::text[], ${c.phone}::text[], ${c.title}::text[],
      ${c.account_id}::uuid[], ${c.owner_id}::uuid[], ${c.lifecycle_stage}::text[], ${c.tags}::jsonb[],
      ${c.custom_fields}::jsonb[], ${c.domain}::text[], ${c.mask}::int[]
    ) AS i(email, first_name, last_name, phone, title, account_id, owner_id, lifecycle_stage, tags, custom_fields, domain, mask)
    LEFT JOIN accounts a ON a.workspace_id = ${workspaceId} AND a.domain = i.domain AND a.deleted_at IS NULL
  )`;
}

const tagsArray = sql`ARRAY(SELECT jsonb_array_elements_text(i.tags))`;

export async function upsertContacts(db: DbOrTrx, workspaceId: string, input: ContactUpsertRecord[]): Promise<UpsertOutcome[]> {
  const withoutEmail = input.filter((r) => !r.email);
  const created = withoutEmail.length ? await insertContacts(db, workspaceId, withoutEmail) : [];
  return [...created, ...(await upsertByEmail(db, workspaceId, mergeByEmail(input)))];
}

async function insertContacts(db: DbOrTrx, workspaceId: string, records: ContactUpsertRecord[]): Promise<UpsertOutcome[]> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO contacts (workspace_id, email, first_name, last_name, phone, title, account_id, owner_id,
      lifecycle_stage, tags, custom_fields)
    SELECT ${workspaceId}, NULL, i.first_name, i.last_name, i.phone, i.title, i.account_id, i.owner_id,
      i.lifecycle_stage, ${tagsArray}, jsonb_strip_nulls(i.custom_fields)
    FROM ${inputRelation(columns(records), workspaceId)} AS i
    RETURNING id`.execute(db);
  return rows.map((r) => ({ email: null, id: r.id, status: 'created' as const }));
}

async function upsertByEmail(db: DbOrTrx, workspaceId: string, records: ContactUpsertRecord[]): Promise<UpsertOutcome[]> {
  if (records.length === 0) return [];
  const all = columns(records);

  const inserted = await sql<{ id: string; email: string }>`
    INSERT INTO contacts (workspace_id, email, first_name, last_name, phone, title, account_id, owner_id,
      lifecycle_stage, tags, custom_fields)
    SELECT ${workspaceId}, i.email, i.first_name, i.last_name, i.phone, i.title,
      CASE WHEN i.mask & ${BIT.account_id} <> 0 THEN i.account_id ELSE i.domain_account_id END,
      i.owner_id, i.lifecycle_stage, ${tagsArray}, jsonb_strip_nulls(i.custom_fields)
    FROM ${inputRelation(all, workspaceId)} AS i
    ON CONFLICT (workspace_id, email) WHERE deleted_at IS NULL AND email IS NOT NULL DO NOTHING
    RETURNING id, email`.execute(db);

  const insertedEmails = new Set(inserted.rows.map((r) => r.email));
  const rest = records.filter((r) => !insertedEmails.has(r.email!));
  let updated: Array<{ id: string; email: string }> = [];
  if (rest.length > 0) {
    const c = columns(rest);
    const pick = (field: Field, value = sql`i.${sql.ref(field)}`) =>
      sql`CASE WHEN i.mask & ${BIT[field]} <> 0 THEN ${value} ELSE c.${sql.ref(field)} END`;
    const next: Array<[string, ReturnType<typeof sql>]> = [
      ['first_name', pick('first_name')],
      ['last_name', pick('last_name')],
      ['phone', pick('phone')],
      ['title', pick('title')],
      ['owner_id', pick('owner_id')],
      ['lifecycle_stage', pick('lifecycle_stage')],
      ['tags', pick('tags', tagsArray)],
      ['custom_fields', sql`CASE WHEN i.mask & ${BIT.custom_fields} <> 0
          THEN jsonb_strip_nulls(c.custom_fields || i.custom_fields) ELSE c.custom_fields END`],
      ['account_id', sql`CASE WHEN i.mask & ${BIT.account_id} <> 0 THEN i.account_id
          ELSE coalesce(c.account_id, i.domain_account_id) END`],
    ];
    const assignments = sql.join(next.map(([column, value]) => sql`${sql.ref(column)} = ${value}`));
    const stored = sql.join(next.map(([column]) => sql`c.${sql.ref(column)}`));
    const incoming = sql.join(next.map(([, value]) => value));
    // Rows whose values would not change are left alone: no new row version, no index entries and an
    // unchanged updated_at (re-importing the same file writes nothing). They still count as matched.
    const result = await sql<{ id: string; email: string }>`
      WITH i AS MATERIALIZED ${inputRelation(c, workspaceId)},
      changed AS (
        UPDATE contacts c SET ${assignments}, updated_at = now()
        FROM i
        WHERE c.workspace_id = ${workspaceId} AND c.email = i.email AND c.deleted_at IS NULL
          AND (${stored}) IS DISTINCT FROM (${incoming})
        RETURNING c.id
      )
      SELECT c.id, c.email FROM contacts c JOIN i ON c.email = i.email
      WHERE c.workspace_id = ${workspaceId} AND c.deleted_at IS NULL`.execute(db);
    updated = result.rows;
  }

  const ids = new Map<string, UpsertOutcome>();
  for (const r of inserted.rows) ids.set(r.email, { email: r.email, id: r.id, status: 'created' });
  for (const r of updated) ids.set(r.email, { email: r.email, id: r.id, status: 'updated' });
  return records.map((r) => ids.get(r.email!)!).filter(Boolean);
}
