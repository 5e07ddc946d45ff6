// The floor ingestion is compared with: PostgreSQL's own COPY of the same events, as rows of the events
// table's columns in COPY's text format, into a bare table with those columns (LIKE events: same
// types, no partitions, no index, no primary key, no dedupe). The file is written once per size into
// bench/output/ and reused.
import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyRow, EVENT_COLUMNS, visitorsFor } from './events.ts';
import { log, timed } from '../lib/measure.ts';

export interface CopyRun {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

/** Placeholder ids: the bare table has no foreign keys, only the same column types. */
const IDS = { workspaceId: '00000000-0000-4000-8000-00000000b1e0', sourceId: '00000000-0000-4000-8000-00000000b1e1' };
const AT = Date.UTC(2026, 0, 15, 12);

export async function writeEventsFile(file: string, events: number): Promise<{ file: string; bytes: number }> {
  if (fs.existsSync(file)) return { file, bytes: fs.statSync(file).size };
  log(`writing ${events.toLocaleString('en-US')} events as COPY text to ${file}`);
  const tmp = `${file}.partial`;
  const out = fs.createWriteStream(tmp);
  const visitors = visitorsFor(events);
  let chunk = '';
  for (let i = 0; i < events; i++) {
    chunk += copyRow(1, i, AT + i, visitors, IDS);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  fs.renameSync(tmp, file);
  return { file, bytes: fs.statSync(file).size };
}

export async function copyEvents(pool: pg.Pool, file: string, table = 'bench_copy_events'): Promise<CopyRun> {
  const client = await pool.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.query(`CREATE TABLE ${table} (LIKE events)`);
    const { result: rows, seconds } = await timed(async () => {
      const copy = client.query(copyFrom(`COPY ${table} (${EVENT_COLUMNS.join(', ')}) FROM STDIN (FORMAT text)`));
      await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), copy);
      return copy.rowCount;
    });
    await client.query(`DROP TABLE ${table}`);
    return { rows, seconds, rowsPerSecond: Math.round(rows / seconds) };
  } finally {
    client.release();
  }
}
