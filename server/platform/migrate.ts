// Runs migrations under Kysely's Migrator, which holds a PostgreSQL advisory lock for the whole run:
// two servers starting together apply each migration once, the second waits and finds nothing to do.
import { Migrator, type MigrationResult } from 'kysely';
import { migrations } from '../migrations/index.ts';
import type { Db } from './db.ts';

export async function migrateToLatest(db: Db): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results ?? [];
}
