// EXPERIMENT: EXPLAIN (ANALYZE, BUFFERS, WAL) of the statements one import batch runs, on the filled
// bench_import database (run `bench -- import` first). Captures the real SQL and parameters of
// upsertContacts for 5,000 rows of the benchmark CSV, then explains each inside a rolled-back
// transaction, so the database is left as it was.
//   npx tsx bench/experiments/explain-upsert.ts [firstRow] [new|existing]
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../../server/db-schema.ts';
import { openDatabase } from '../../server/platform/db.ts';
import { loadRowContext } from '../../server/imports/run-import.ts';
import { mapContactRow } from '../../server/imports/map-row.ts';
import { suggestMapping } from '../../server/imports/suggest-mapping.ts';
import { listCustomFields } from '../../server/custom-fields/custom-fields.store.ts';
import { upsertContacts } from '../../server/contacts/upsert-contacts.ts';
import { databaseUrl } from '../lib/bench-database.ts';
import { CSV_HEADERS } from '../lib/contacts-csv.ts';

const [first = '500000', kind = 'existing'] = process.argv.slice(2);
const file = path.resolve('bench/output/contacts-1000000-dup50-seed42.csv');
const database = await openDatabase({ databaseUrl: databaseUrl('bench_import'), poolSize: 2 });
const { rows: ws } = await database.pool.query<{ id: string }>('SELECT id FROM workspaces LIMIT 1');
const workspaceId = ws[0].id;
const fields = await listCustomFields(database.db, workspaceId, 'contact');
const ctx = await loadRowContext(database.db, workspaceId, 'contact', suggestMapping('contact', CSV_HEADERS, fields));

const raw: Array<Record<string, string>> = [];
const parser = fs.createReadStream(file).pipe(parse({ columns: true, from: Number(first), to: Number(first) + 4999 }));
for await (const r of parser as AsyncIterable<Record<string, string>>) raw.push(r);
// "new": emails the workspace does not have yet; "existing": emails of stored contacts (a re-import)
const { rows: stored } = await database.pool.query<{ email: string }>(
  'SELECT email FROM contacts WHERE workspace_id = $1 AND deleted_at IS NULL ORDER BY id LIMIT 5000',
  [workspaceId],
);
const records = raw
  .map((r, i) => mapContactRow({ ...r, Email: kind === 'new' ? `new-${r.Email}` : stored[i].email }, ctx))
  .flatMap((r) => (r.ok ? [{ ...r.record, accountName: undefined, accountDomain: undefined }] : []));

const captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];
const logging = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: database.pool }),
  log: (e) => {
    captured.push({ sql: e.query.sql, parameters: e.query.parameters });
  },
});
class Rollback extends Error {}
await logging
  .transaction()
  .execute(async (trx) => {
    await upsertContacts(trx, workspaceId, records);
    throw new Rollback();
  })
  .catch((err: unknown) => {
    if (!(err instanceof Rollback)) throw err;
  });

// Each variant runs inside the rolled-back transaction too, so schema changes are tried without keeping them.
const lean = [
  'DROP INDEX contacts_custom',
  'DROP INDEX contacts_cf_plan',
  'DROP INDEX contacts_cf_seats',
  `CREATE INDEX contacts_cf_plan ON contacts (workspace_id, (custom_fields->'plan'), id) WHERE deleted_at IS NULL AND custom_fields ? 'plan'`,
  `CREATE INDEX contacts_cf_seats ON contacts (workspace_id, (custom_fields->'seats'), id) WHERE deleted_at IS NULL AND custom_fields ? 'seats'`,
];
const v7 = [
  `CREATE FUNCTION pg_temp.uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
     SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
       substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid $$`,
  'ALTER TABLE contacts ALTER COLUMN id SET DEFAULT pg_temp.uuid_v7()',
];
const variants: Record<string, { setup: string[]; sorted?: boolean }> = {
  'as-is': { setup: [] },
  'sorted-by-email': { setup: [], sorted: true },
  'uuid-v7-ids': { setup: v7 },
  'no-search-index': { setup: ['DROP INDEX contacts_search'] },
  'no-updated-index': { setup: ['DROP INDEX contacts_updated'] },
  'lean-custom-field-indexes': { setup: lean },
  'all-of-the-above': { setup: [...v7, ...lean, 'DROP INDEX contacts_search', 'DROP INDEX contacts_updated'], sorted: true },
  'only-pkey-and-email': {
    setup: [
      'contacts_account',
      'contacts_cf_plan',
      'contacts_cf_seats',
      'contacts_created',
      'contacts_custom',
      'contacts_last_name',
      'contacts_search',
      'contacts_tags',
      'contacts_unlinked_domain',
      'contacts_updated',
    ].map((i) => `DROP INDEX ${i}`),
  },
};
const only = process.argv[4]?.split(',');
const writes = captured.filter((c) => /^\s*(insert|update)/i.test(c.sql) && !/^\s*update "imports"/i.test(c.sql));
for (const [name, variant] of Object.entries(variants)) {
  if (only && !only.includes(name)) continue;
  for (const q of writes) {
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      for (const statement of variant.setup) await client.query(statement);
      const text = variant.sorted ? q.sql.replace(/\s+(ON CONFLICT|RETURNING)/, ' ORDER BY i.email $1') : q.sql;
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, WAL) ${text}`, q.parameters as unknown[]);
      const plan = rows.map((r) => r['QUERY PLAN']);
      if (process.env.SHOW_PLAN)
        console.log(plan.filter((l) => /temp|Trigger|Execution|Join|Scan|Hash|Sort|Materialize/.test(l)).join('\n'));
      const top = plan.slice(0, 8).join(' ');
      const num = (re: RegExp) => Number(re.exec(top)?.[1] ?? 0);
      const exec = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1]);
      console.log(
        `${name.padEnd(26)} ${q.sql.trim().slice(0, 6)} ${exec.toFixed(0).padStart(6)} ms  read=${num(/read=(\d+)/)} written=${num(/written=(\d+)/)} ` +
          `walMB=${(num(/bytes=(\d+)/) / 1048576).toFixed(1)} fpi=${num(/fpi=(\d+)/)}`,
      );
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }
}
await sql`SELECT 1`.execute(database.db);
await database.close();
