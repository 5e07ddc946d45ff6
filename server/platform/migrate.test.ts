import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase } from './db.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from '../migrations/index.ts';
import { withDatabase } from '../test/global-setup.ts';

const url = process.env.TEST_DATABASE_URL;

describe('migrations', () => {
  // two servers starting together against one PostgreSQL: only meaningful on the server engine
  it.runIf(!!url)('run once when two processes start together', async () => {
    const name = `tandem_t_mig_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const a = await openDatabase({ databaseUrl: withDatabase(url!, name), poolSize: 2 });
    const b = await openDatabase({ databaseUrl: withDatabase(url!, name), poolSize: 2 });
    try {
      const [ra, rb] = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
      const applied = [...ra, ...rb].filter((r) => r.status === 'Success').map((r) => r.migrationName);
      expect(applied.sort()).toEqual(Object.keys(migrations).sort());
      const rows = await a.db.selectFrom('kysely_migration' as never).selectAll().execute();
      expect(rows.length).toBe(Object.keys(migrations).length);
    } finally {
      await a.close();
      await b.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('is a no-op on an up-to-date database', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      expect((await migrateToLatest(db.db)).length).toBe(Object.keys(migrations).length);
      expect(await migrateToLatest(db.db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
