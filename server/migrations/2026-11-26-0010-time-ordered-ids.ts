// New contacts and accounts get time-ordered ids (the UUIDv7 layout: 48 bits of Unix milliseconds,
// then 74 random bits) instead of fully random ones. Their primary keys are (workspace_id, id), so a
// random id lands on a random page of a large index: at 1M contacts, one 5,000-row import batch read
// 20,052 pages and logged 9,098 full-page images; with time-ordered ids 6,615 and 612, and the INSERT
// took 393 ms instead of 816 (bench/experiments/explain-upsert.ts, uuid-v7-ids). Ids stay UUIDs,
// existing ones keep their values, and nothing orders by id alone. PostgreSQL 18 has uuidv7()
// built in; this works on 15+ and PGlite.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // version nibble 0100 (v4) → 0111 (v7): set bits 52 and 53 (set_bit counts from each byte's low bit)
  await sql`
    CREATE FUNCTION tandem_uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
      SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
        substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
    $$`.execute(db);
  await sql`ALTER TABLE contacts ALTER COLUMN id SET DEFAULT tandem_uuid_v7()`.execute(db);
  await sql`ALTER TABLE accounts ALTER COLUMN id SET DEFAULT tandem_uuid_v7()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE contacts ALTER COLUMN id SET DEFAULT gen_random_uuid()`.execute(db);
  await sql`ALTER TABLE accounts ALTER COLUMN id SET DEFAULT gen_random_uuid()`.execute(db);
  await sql`DROP FUNCTION tandem_uuid_v7()`.execute(db);
}
