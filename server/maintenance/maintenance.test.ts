// Hourly housekeeping: old idempotency keys and finished jobs go, recent ones stay, and the hourly run
// is enqueued once per hour however many processes schedule it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { runMaintenance } from './maintenance.jobs.ts';

let server: TestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  server = await startTestServer({ runWorker: false });
  ws = await createTestWorkspace(server);
});
afterAll(async () => server?.close());

it('forgets idempotency keys after 24 hours and finished jobs after 7 days', async () => {
  const { db } = server.ctx;
  await sql`
    INSERT INTO idempotency_keys (workspace_id, key, method, path, request_hash, response_status, created_at)
    VALUES (${ws.workspaceId}, 'old', 'POST', '/x', 'h', 201, now() - interval '25 hours'),
           (${ws.workspaceId}, 'new', 'POST', '/x', 'h', 201, now() - interval '23 hours')`.execute(db);
  await sql`
    INSERT INTO jobs (name, status, finished_at) VALUES
      ('test.old-done', 'done', now() - interval '8 days'),
      ('test.old-failed', 'failed', now() - interval '8 days'),
      ('test.recent', 'done', now() - interval '6 days'),
      ('test.old-queued', 'queued', NULL)`.execute(db);

  await runMaintenance(db);

  const keys = await db.selectFrom('idempotency_keys').select('key').where('workspace_id', '=', ws.workspaceId).execute();
  expect(keys.map((k) => k.key)).toEqual(['new']);
  const jobs = await db.selectFrom('jobs').select('name').where('name', 'like', 'test.%').orderBy('name').execute();
  expect(jobs.map((j) => j.name)).toEqual(['test.old-queued', 'test.recent']);
});

it('enqueues the hourly run once per hour', async () => {
  const { db, worker } = server.ctx;
  const at = new Date('2026-11-26T10:15:00Z');
  await worker.schedulePeriodic(at);
  await worker.schedulePeriodic(new Date('2026-11-26T10:59:59Z'));
  await worker.schedulePeriodic(new Date('2026-11-26T11:00:01Z'));
  const runs = await db.selectFrom('jobs').select(['dedupe_key', 'run_at']).where('name', '=', 'maintenance.hourly').orderBy('run_at').execute();
  expect(runs.map((r) => r.dedupe_key)).toEqual(['period:2026-11-26T10:00:00.000Z', 'period:2026-11-26T11:00:00.000Z']);
});
