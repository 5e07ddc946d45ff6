// Background work that follows a custom field's definition: an index so sorting and range filters on
// the field stay fast at millions of rows, and removing a deleted field's values.
import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../platform/jobs.ts';
import type { Db, DbOrTrx } from '../platform/db.ts';
import { customFieldObjects } from './custom-fields.schemas.ts';

const TABLES = { contact: 'contacts', account: 'accounts' } as const;
const payload = z.object({ objectType: z.enum(customFieldObjects), key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/) });

/**
 * One index per table and key, shared by workspaces that define the same key (jsonb compares any
 * type). Used by the job below and by `tandem demo`.
 */
export async function buildCustomFieldIndex(db: Db, objectType: (typeof customFieldObjects)[number], key: string): Promise<void> {
  const table = TABLES[objectType];
  const name = `${table}_cf_${key}`;
  // CONCURRENTLY keeps the table writable while a large index builds (not available on PGlite)
  const concurrently = sql.raw((await isPostgresServer(db)) ? 'CONCURRENTLY ' : '');
  // Two concurrent CREATE INDEX CONCURRENTLY on one table wait for each other and deadlock (seen with
  // two fields defined together), so builds on a table take turns under a session advisory lock. It is
  // polled with pg_try_advisory_lock: a session blocked in pg_advisory_lock holds a snapshot that the
  // running CONCURRENTLY build waits for, which would be the same deadlock again.
  await db.connection().execute(async (conn) => {
    const lock = sql`hashtext(${`custom-field-index:${table}`})`;
    while (!(await sql<{ ok: boolean }>`SELECT pg_try_advisory_lock(${lock}) AS ok`.execute(conn)).rows[0]?.ok) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    try {
      // a CONCURRENTLY build that failed leaves an invalid index behind, which IF NOT EXISTS would keep forever
      const { rows } = await sql<{ valid: boolean }>`
        SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ${name}`.execute(conn);
      if (rows[0] && !rows[0].valid) await sql`DROP INDEX ${concurrently}IF EXISTS ${sql.id(name)}`.execute(conn);
      await sql`CREATE INDEX ${concurrently}IF NOT EXISTS ${sql.id(name)}
        ON ${sql.id(table)} (workspace_id, (custom_fields->${sql.lit(key)}), id) WHERE deleted_at IS NULL`.execute(conn);
    } finally {
      await sql`SELECT pg_advisory_unlock(${lock})`.execute(conn);
    }
  });
}

export const createCustomFieldIndex = defineJob({
  name: 'custom-fields.create-index',
  payload,
  handler: ({ db }, { objectType, key }) => buildCustomFieldIndex(db, objectType, key),
});

export const stripCustomFieldValues = defineJob({
  name: 'custom-fields.strip-values',
  payload,
  async handler({ db, job }, { objectType, key }) {
    const table = TABLES[objectType];
    // batches keep each transaction short on large tables
    for (;;) {
      const result = await sql`
        UPDATE ${sql.id(table)} SET custom_fields = custom_fields - ${key}
        WHERE (workspace_id, id) IN (
          SELECT workspace_id, id FROM ${sql.id(table)}
          WHERE workspace_id = ${job.workspace_id} AND custom_fields ? ${key} LIMIT 5000)`.execute(db);
      if (Number(result.numAffectedRows ?? 0) === 0) break;
    }
  },
});

/**
 * True while a deleted field's values are still being removed: a new field with the same key must
 * wait, or the pending removal would also wipe the values written to the new field.
 */
export async function valuesStillBeingRemoved(db: DbOrTrx, workspaceId: string, objectType: string, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('name', '=', stripCustomFieldValues.name)
    .where('workspace_id', '=', workspaceId)
    .where('status', 'in', ['queued', 'running'])
    .where(sql<string>`payload->>'objectType'`, '=', objectType)
    .where(sql<string>`payload->>'key'`, '=', key)
    .executeTakeFirst();
  return !!row;
}

async function isPostgresServer(db: Db): Promise<boolean> {
  const { rows } = await sql<{ v: string }>`SELECT version() AS v`.execute(db);
  return !/emscripten|wasm/i.test(rows[0]?.v ?? '');
}
