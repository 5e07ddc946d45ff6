// The benchmarks' own databases on the PostgreSQL server: `bench_<name>`, dropped and created fresh
// on every run. The server is the one DATABASE_URL names (its host, port and user; its database name
// is replaced), or the local one. No other database is ever touched.
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../../server/platform/db.ts';
import { migrateToLatest } from '../../server/platform/migrate.ts';

export function serverUrl(): string {
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`benchmark databases are named bench_*, not "${name}"`);
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(serverUrl());
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops and recreates `name`, applies Tandem's migrations, and opens it with a pool of `poolSize`. */
export async function freshBenchDatabase(name: string, poolSize: number): Promise<{ database: OpenDatabase; url: string }> {
  const url = databaseUrl(name);
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  const database = await openDatabase({ databaseUrl: url, poolSize });
  await migrateToLatest(database.db);
  return { database, url };
}

/** Opens an existing bench database (for --keep-data reruns); undefined when it does not exist. */
export async function existingBenchDatabase(name: string, poolSize: number): Promise<{ database: OpenDatabase; url: string } | undefined> {
  const url = databaseUrl(name);
  const exists = await withAdmin(
    async (admin) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
  if (!exists) return undefined;
  const database = await openDatabase({ databaseUrl: url, poolSize });
  await migrateToLatest(database.db);
  return { database, url };
}

export async function dropBenchDatabase(name: string): Promise<void> {
  databaseUrl(name);
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** The server's settings that most change these numbers, recorded next to them. */
export async function serverSettings(database: OpenDatabase): Promise<Record<string, string>> {
  const names = [
    'server_version',
    'shared_buffers',
    'work_mem',
    'synchronous_commit',
    'max_wal_size',
    'effective_cache_size',
    'random_page_cost',
    'jit',
    'autovacuum',
  ];
  const { rows } = await database.pool.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1)`,
    [names],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
}
