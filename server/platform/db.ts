// Opens the database: embedded PGlite (default) or a PostgreSQL server (DATABASE_URL). Both are driven
// through node-postgres and Kysely's PostgresDialect, so every query, migration and test runs the same
// SQL on both engines. PGlite is reached through its node-postgres connection shim (one connection).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { Database } from '../db-schema.ts';
import { claimDataDir } from './data-dir-lock.ts';
import { PreparingClient } from './prepared-statements.ts';

// int8 (counts, identities) as JS numbers; numeric (money) as numbers. Values beyond 2^53 do not occur here.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** A handle stores accept: the database or an open transaction. */
export type DbOrTrx = Db | Trx;

export type Engine = 'pglite' | 'postgres';

export interface OpenDatabase {
  db: Db;
  engine: Engine;
  pool: pg.Pool;
  /** Records the port in the embedded database's lock file, so other commands can name the server. */
  announcePort(port: number): void;
  /** PGlite only: the data directory as a tarball (tests start from a migrated snapshot). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Directory of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** A PGlite data directory dump (tar) to start from, which skips initdb and migrations in tests. */
  loadDataDir?: Blob;
  poolSize?: number;
  /** Name of the command claiming the embedded database, shown to a second process that tries. */
  command?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<OpenDatabase> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20, Client: PreparingClient });
    pool.on('error', () => {
      // an idle client lost its connection; the pool replaces it on next use
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', pool, announcePort: () => {}, close: () => db.destroy() };
  }

  const dataDir = opts.dataDir ?? path.resolve('.tandem');
  const inMemory = dataDir.startsWith('memory://');
  const claim = inMemory ? undefined : claimDataDir(dataDir, opts.command ?? 'serve');
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    const pgdata = inMemory ? undefined : path.join(dataDir, 'pgdata');
    if (pgdata) fs.mkdirSync(pgdata, { recursive: true });
    const lite = await PGlite.create({
      dataDir: pgdata,
      extensions: { pg_trgm },
      loadDataDir: opts.loadDataDir,
      relaxedDurability: false,
    });
    // One connection: PGlite is single-session. The pool queues callers; never close the idle client.
    const pool = new pg.Pool({ ...createPgConfig(lite), max: 1, idleTimeoutMillis: 0, Client: PreparingClient });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'pglite',
      pool,
      announcePort: (port) => claim?.update(port),
      dump: () => lite.dumpDataDir('none'),
      close: async () => {
        await db.destroy();
        await lite.close();
        claim?.release();
      },
    };
  } catch (err) {
    claim?.release();
    throw err;
  }
}
