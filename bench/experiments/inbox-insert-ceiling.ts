// How fast can PostgreSQL alone take the ingest inbox's writes? 8 connections, each inserting
// one row per statement holding 100 events as json (the shape /v1/batch writes), autocommitted.
// Compared with the same payload as text and as jsonb. Run: node --import tsx bench/experiments/inbox-insert-ceiling.ts
import pg from 'pg';
import { freshBenchDatabase } from '../lib/bench-database.ts';
import { batchBody, visitorsFor } from '../ingest/events.ts';

const requests = Number(process.argv[2] ?? 3000);
const clients = 8;
const { database, url } = await freshBenchDatabase('bench_inbox_ceiling', 2);
await database.close();
const pool = new pg.Pool({ connectionString: url, max: clients });
const body = JSON.stringify((JSON.parse(batchBody(9, 0, 100, 100_000, visitorsFor(100_000))) as { batch: unknown[] }).batch);
console.error(`payload ${body.length} bytes`);
const out: Record<string, number> = {};
for (const type of ['json', 'text', 'jsonb']) {
  await pool.query(`DROP TABLE IF EXISTS inbox_${type}; CREATE TABLE inbox_${type} (workspace_id uuid NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY, received_at timestamptz NOT NULL DEFAULT now(), event_count int NOT NULL, payload ${type} NOT NULL, PRIMARY KEY (workspace_id, id))`);
  if (type !== 'jsonb') await pool.query(`ALTER TABLE inbox_${type} ALTER COLUMN payload SET STORAGE EXTERNAL`);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next++ < requests) {
        await pool.query(`INSERT INTO inbox_${type} (workspace_id, event_count, payload) VALUES ($1, 100, $2::${type})`, ['00000000-0000-0000-0000-000000000001', body]);
      }
    }),
  );
  out[type] = Math.round((requests * 100) / ((performance.now() - t0) / 1000));
}
console.log(JSON.stringify({ eventsPerSecond: out }));
await pool.end();
