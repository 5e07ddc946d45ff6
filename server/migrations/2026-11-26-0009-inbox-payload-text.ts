// The ingest inbox's payload becomes text. The server writes it with JSON.stringify, so PostgreSQL's
// json input check only re-parsed what is valid by construction: measured with
// bench/experiments/inbox-insert-ceiling.ts, 8 connections took 52,678 events/s as json and 69,434
// as text. The processing job parses it (it did already: the driver parsed json columns).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tracking_inbox ALTER COLUMN payload TYPE text`.execute(db);
  // a type change resets the column's storage; payloads are read once, compressing them only costs CPU
  await sql`ALTER TABLE tracking_inbox ALTER COLUMN payload SET STORAGE EXTERNAL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tracking_inbox ALTER COLUMN payload TYPE json USING payload::json`.execute(db);
  await sql`ALTER TABLE tracking_inbox ALTER COLUMN payload SET STORAGE EXTERNAL`.execute(db);
}
