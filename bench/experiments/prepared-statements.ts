// EXPERIMENT: what planning costs the API's list queries. The captured SQL of three list requests runs
// from 10 connections for `seconds`, as unnamed statements (what Kysely sends: parse + plan every time)
// and as named prepared statements (planned once per connection; PostgreSQL switches to a generic plan
// after five executions when it is no worse). Alternates the two twice. Needs bench_api filled by
// `npm run bench -- api`.   npx tsx bench/experiments/prepared-statements.ts [seconds=8]
// Measured 2026-11-26 (1M contacts, quiet): unnamed 1,063 / 1,288 q/s, prepared 1,166 / 1,490 q/s
// (+10–16%; p95 17.0/13.8 → 15.7/11.8 ms). Worth having, but no road to 2,000 req/s through HTTP.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { databaseUrl } from '../lib/bench-database.ts';
import { captureListSql, type CapturedQuery } from '../api/load-sql.ts';
import { summarizeLatencies } from '../lib/measure.ts';

const seconds = Number(process.argv[2] ?? 8);
const state = JSON.parse(fs.readFileSync(path.resolve('bench/output/api-state.json'), 'utf8')) as { workspaceId: string };
const pool = new pg.Pool({ connectionString: databaseUrl('bench_api'), max: 10 });
const paths = [
  '/api/v1/contacts?sort=-createdAt&limit=50',
  '/api/v1/contacts?filter[customFields.plan]=enterprise&limit=50',
  '/api/v1/contacts?q=son&limit=50',
];
const queries: CapturedQuery[] = [];
for (const p of paths) queries.push(await captureListSql(pool, state.workspaceId, p));
const names = queries.map((q) => `q_${crypto.createHash('sha1').update(q.sql).digest('hex').slice(0, 16)}`);

async function run(prepared: boolean) {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (performance.now() < deadline) {
        const k = i++ % queries.length;
        const t = performance.now();
        const q = queries[k];
        await pool.query(prepared ? { name: names[k], text: q.sql, values: q.parameters as unknown[] } : { text: q.sql, values: q.parameters as unknown[] });
        latencies.push(performance.now() - t);
      }
    }),
  );
  const s = summarizeLatencies(latencies);
  return { qps: Math.round(latencies.length / seconds), p50: s.p50Ms, p95: s.p95Ms };
}

const out: Record<string, unknown[]> = { unnamed: [], prepared: [] };
for (let round = 0; round < 2; round++) {
  out.unnamed.push(await run(false));
  out.prepared.push(await run(true));
}
console.log(JSON.stringify(out));
await pool.end();
