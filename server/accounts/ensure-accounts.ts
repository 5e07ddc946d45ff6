// Finds or creates the accounts a contacts import refers to by domain or by company name, set-based
// per batch. Existing accounts are never renamed by a contact row.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';

export async function ensureAccountsByDomain(
  db: DbOrTrx,
  workspaceId: string,
  wanted: Array<{ domain: string; name?: string }>,
): Promise<Map<string, string>> {
  const byDomain = new Map<string, string>();
  for (const w of wanted) if (!byDomain.has(w.domain) || w.name) byDomain.set(w.domain, w.name ?? w.domain);
  if (byDomain.size === 0) return new Map();
  const domains = [...byDomain.keys()];
  await sql`
    INSERT INTO accounts (workspace_id, domain, name)
    SELECT ${workspaceId}, d, n FROM unnest(${domains}::text[], ${domains.map((d) => byDomain.get(d)!)}::text[]) AS t(d, n)
    ON CONFLICT (workspace_id, domain) WHERE deleted_at IS NULL AND domain IS NOT NULL DO NOTHING`.execute(db);
  const { rows } = await sql<{ id: string; domain: string }>`
    SELECT id, domain FROM accounts
    WHERE workspace_id = ${workspaceId} AND domain = ANY(${domains}::text[]) AND deleted_at IS NULL`.execute(db);
  return new Map(rows.map((r) => [r.domain, r.id]));
}

/** Keyed by lowercased name; an existing account with that name (oldest first) is reused. */
export async function ensureAccountsByName(db: DbOrTrx, workspaceId: string, names: string[]): Promise<Map<string, string>> {
  const byLower = new Map<string, string>();
  for (const n of names) if (!byLower.has(n.toLowerCase())) byLower.set(n.toLowerCase(), n);
  if (byLower.size === 0) return new Map();
  const lowers = [...byLower.keys()];
  const found = await sql<{ id: string; lname: string }>`
    SELECT DISTINCT ON (lower(name)) id, lower(name) AS lname FROM accounts
    WHERE workspace_id = ${workspaceId} AND lower(name) = ANY(${lowers}::text[]) AND deleted_at IS NULL
    ORDER BY lower(name), created_at`.execute(db);
  const result = new Map(found.rows.map((r) => [r.lname, r.id]));
  const missing = lowers.filter((l) => !result.has(l));
  if (missing.length) {
    const { rows } = await sql<{ id: string; name: string }>`
      INSERT INTO accounts (workspace_id, name)
      SELECT ${workspaceId}, n FROM unnest(${missing.map((l) => byLower.get(l)!)}::text[]) AS t(n)
      RETURNING id, name`.execute(db);
    for (const r of rows) result.set(r.name.toLowerCase(), r.id);
  }
  return result;
}
