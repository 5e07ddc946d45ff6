// Migrations in order. Listed statically (not read from disk) so they run the same under tsx, in
// tests and in any bundle. Add a file, then add it here; names sort by date.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-25-0001-foundation.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-25-0001-foundation': foundation,
};
