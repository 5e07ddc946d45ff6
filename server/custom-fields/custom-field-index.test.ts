// The per-field expression index: built once per table and key, valid, and safe to request for
// several fields of one table at the same moment (concurrent builds on a PostgreSQL server deadlock
// unless they take turns).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../test/harness.ts';
import type { OpenDatabase } from '../platform/db.ts';
import { buildCustomFieldIndex } from './custom-fields.jobs.ts';

let database: OpenDatabase;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  // some rows, so a build has work to do while the others wait
  await sql`INSERT INTO workspaces (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'Index test')`.execute(database.db);
  await sql`
    INSERT INTO contacts (workspace_id, email, custom_fields)
    SELECT '00000000-0000-4000-8000-000000000001', 'p' || g || '@index.test', jsonb_build_object('k1', g, 'k2', g % 7)
    FROM generate_series(1, 5000) g`.execute(database.db);
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

it('builds several indexes on one table at once, each valid, and again as a no-op', async () => {
  const keys = ['k1', 'k2', 'k3', 'k4'];
  await Promise.all(keys.map((k) => buildCustomFieldIndex(database.db, 'contact', k)));
  await buildCustomFieldIndex(database.db, 'contact', 'k1');
  const { rows } = await sql<{ name: string; valid: boolean }>`
    SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE c.relname LIKE 'contacts_cf_k%' ORDER BY 1`.execute(database.db);
  expect(rows).toEqual(keys.map((k) => ({ name: `contacts_cf_${k}`, valid: true })));
});
