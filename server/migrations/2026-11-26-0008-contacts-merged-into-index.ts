// contacts.merged_into_id (a merged contact's pointer at the one it was merged into) had no index, so
// every contact deleted made PostgreSQL look through the workspace's other contacts for a pointer at
// it: removing a 50k-contact demo workspace took many minutes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX contacts_merged_into ON contacts (workspace_id, merged_into_id) WHERE merged_into_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX contacts_merged_into`.execute(db);
}
