// The floor an import is compared with: PostgreSQL's own COPY of the same file into a bare table of
// text columns (no index, no constraint, no parsing or validation in Node). Nothing loads faster
// through the same server, so rows/s of an import divided by this says how much of the server's
// bulk-load speed the import keeps.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CSV_HEADERS } from './contacts-csv.ts';
import { timed } from './measure.ts';

export interface CopyRun {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

const columns = CSV_HEADERS.map((h) => `"${h.toLowerCase().replace(/[^a-z0-9]+/g, '_')}" text`).join(', ');

export async function copyIntoBareTable(pool: pg.Pool, file: string, table = 'bench_copy_baseline'): Promise<CopyRun> {
  const client = await pool.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.query(`CREATE TABLE ${table} (${columns})`);
    const { result: rows, seconds } = await timed(async () => {
      const copy = client.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT csv, HEADER)`));
      await pipeline(fs.createReadStream(file), copy);
      return copy.rowCount;
    });
    await client.query(`DROP TABLE ${table}`);
    return { rows, seconds, rowsPerSecond: Math.round(rows / seconds) };
  } finally {
    client.release();
  }
}
