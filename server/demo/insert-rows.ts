// Bulk insert for seed steps: one INSERT … SELECT FROM unnest(array, array, …) per batch, so a batch
// of 5,000 rows is one statement and one round trip on both engines.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';

export interface InsertColumn {
  name: string;
  /** PostgreSQL element type of the array parameter. */
  type: 'uuid' | 'text' | 'int' | 'numeric' | 'boolean' | 'jsonb' | 'timestamptz';
  /** One value per row; timestamps as ISO strings, jsonb as JSON text. */
  values: readonly unknown[];
  /** Turns the unnested value into the stored one, e.g. text → text[] for tags. */
  select?: (value: RawBuilder<unknown>) => RawBuilder<unknown>;
}

/** Inserts rows given column-wise; every row gets `workspace_id`. */
export async function insertRows(db: DbOrTrx, table: string, workspaceId: string, columns: InsertColumn[]): Promise<void> {
  const rows = columns[0]?.values.length ?? 0;
  if (rows === 0) return;
  if (columns.some((c) => c.values.length !== rows)) throw new Error(`insertRows(${table}): columns differ in length`);
  const names = columns.map((c) => sql.id(c.name));
  const arrays = columns.map((c) => sql`${c.values}::${sql.raw(c.type)}[]`);
  const selects = columns.map((c) => (c.select ? c.select(sql.ref(`t.${c.name}`)) : sql.ref(`t.${c.name}`)));
  await sql`
    INSERT INTO ${sql.id(table)} (workspace_id, ${sql.join(names)})
    SELECT ${workspaceId}::uuid, ${sql.join(selects)}
    FROM unnest(${sql.join(arrays)}) AS t(${sql.join(names)})`.execute(db);
}

/** Tags travel as one comma-joined text per row (arrays of arrays cannot be ragged). */
export const commaListToArray = (value: RawBuilder<unknown>) => sql`string_to_array(${value}, ',')`;

export const iso = (ms: number) => new Date(ms).toISOString();
