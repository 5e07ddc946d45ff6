// The API's baseline: the exact SQL a list request runs, sent straight through node-postgres at the
// same concurrency and pool size as the server, prepared where the server prepares it (the pool must
// use `PreparingClient`). The gap between this and the HTTP numbers is what the
// framework, auth, validation and JSON serialization cost.
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../server/db-schema.ts';
import { compileList, listQuerySchema } from '../../server/platform/list-query.ts';
import { parseQueryString } from '../../server/platform/querystring.ts';
import { contactListSpec, listContactsAsJson } from '../../server/contacts/contacts.store.ts';
import { listCustomFields } from '../../server/custom-fields/custom-fields.store.ts';
import { createRandom } from '../lib/random.ts';
import { round, summarizeLatencies } from '../lib/measure.ts';
import type { LoadResult } from './load-http.ts';

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Runs the contacts list route's query code for `path` (e.g. `/api/v1/contacts?q=son`) through a
 * Kysely that records what it sends, so the baseline runs the server's SQL, not a rewrite of it.
 */
export async function captureListSql(pool: pg.Pool, workspaceId: string, path: string): Promise<CapturedQuery> {
  let captured: CapturedQuery | undefined;
  // not destroyed: it shares the caller's pool
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      captured ??= { sql: event.query.sql, parameters: event.query.parameters };
    },
  });
  const query = listQuerySchema.parse(parseQueryString(path.split('?')[1] ?? ''));
  const fields = await listCustomFields(db, workspaceId, 'contact');
  captured = undefined;
  await listContactsAsJson(db, workspaceId, compileList(contactListSpec, query, fields));
  if (!captured) throw new Error(`no SQL captured for ${path}`);
  return captured;
}

export async function loadSql(pool: pg.Pool, queries: CapturedQuery[], connections: number, durationSeconds: number): Promise<LoadResult> {
  const random = createRandom(7);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const q = queries.length === 1 ? queries[0] : random.pick(queries);
      const t = performance.now();
      try {
        await pool.query(q.sql, q.parameters as unknown[]);
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    connections,
    seconds: round(seconds, 2),
    reqPerSec: Math.round(latencies.length / seconds),
    ...summarizeLatencies(latencies),
    non2xx: 0,
    errors,
  };
}
