// Marked queries run as named prepared statements on the connection that sees them, at most
// MAX_STATEMENTS_PER_CONNECTION of them; unmarked queries stay unnamed. Checked in PostgreSQL's own
// view of the session's statements, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type pg from 'pg';
import { openTestDatabase } from '../test/harness.ts';
import type { OpenDatabase } from './db.ts';
import { MAX_STATEMENTS_PER_CONNECTION, prepared, PreparingClient } from './prepared-statements.ts';

let database: OpenDatabase;
let drop: () => Promise<void>;
let client: pg.PoolClient;

const preparedHere = async () =>
  (await client.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements ORDER BY prepare_time')).rows;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  client = await database.pool.connect();
});

afterAll(async () => {
  client?.release();
  await database?.close();
  await drop?.();
});

describe('prepared statements', () => {
  it('prepares a marked query once per connection and answers each call with its own values', async () => {
    expect(client).toBeInstanceOf(PreparingClient);
    const marked = 'SELECT /* prepared */ $1::int * 2 AS doubled';
    for (let i = 1; i <= 8; i++) {
      // past the fifth call PostgreSQL may use a generic plan; the answers must still follow the values
      expect((await client.query(marked, [i])).rows).toEqual([{ doubled: i * 2 }]);
    }
    await client.query('SELECT $1::int AS plain', [1]);
    const statements = await preparedHere();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ name: expect.stringMatching(/^tandem_[0-9a-f]{20}$/), statement: marked });
  });

  it('marks Kysely queries with prepared()', async () => {
    const query = prepared(database.db.selectFrom('workspaces').select(sql<number>`1`.as('one')).limit(1));
    expect(query.compile().sql).toMatch(/^select \/\* prepared \*\/ 1 as "one" from "workspaces"/);
  });

  it(`keeps at most ${MAX_STATEMENTS_PER_CONNECTION} statements per connection and runs the rest unnamed`, async () => {
    const before = (await preparedHere()).length;
    for (let i = 0; i < MAX_STATEMENTS_PER_CONNECTION + 5; i++) {
      expect((await client.query(`SELECT /* prepared */ $1::int + ${i} AS n`, [1])).rows).toEqual([{ n: 1 + i }]);
    }
    expect(await preparedHere()).toHaveLength(MAX_STATEMENTS_PER_CONNECTION);
    expect(before).toBe(1);
    // a text prepared before the bound was reached still runs named
    expect((await client.query('SELECT /* prepared */ $1::int * 2 AS doubled', [21])).rows).toEqual([{ doubled: 42 }]);
  });
});
