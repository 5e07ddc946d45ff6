import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { z } from 'zod';
import pino from 'pino';
import { openTestDatabase } from '../test/harness.ts';
import type { OpenDatabase } from './db.ts';
import { defineJob, enqueue, Worker } from './jobs.ts';
import type { AppContext } from './context.ts';

let database: OpenDatabase;
let drop: () => Promise<void>;
const log = pino({ level: 'silent' });
const noContext = () => ({}) as AppContext;

beforeEach(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterEach(async () => {
  await database.close();
  await drop();
});

const runs: string[] = [];
const recordJob = defineJob({
  name: 'test.record',
  payload: z.object({ label: z.string() }),
  async handler(_ctx, { label }) {
    runs.push(label);
  },
});

let failuresLeft = 0;
const flakyJob = defineJob({
  name: 'test.flaky',
  payload: z.object({}),
  maxAttempts: 3,
  async handler() {
    if (failuresLeft-- > 0) throw new Error('SMTP server said no');
  },
});

async function jobs() {
  return database.db.selectFrom('jobs').selectAll().orderBy('id').execute();
}

describe('durable job queue', () => {
  it('commits jobs with the transaction that enqueues them, and drops them on rollback', async () => {
    runs.length = 0;
    await database.db.transaction().execute((trx) => enqueue(trx, recordJob, { label: 'kept' }, { workspaceId: null }));
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueue(trx, recordJob, { label: 'rolled back' }, { workspaceId: null });
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    await new Worker(database.db, log, [recordJob], noContext).drain();
    expect(runs).toEqual(['kept']);
    expect((await jobs()).map((j) => j.status)).toEqual(['done']);
  });

  it('enqueues once per dedupe key', async () => {
    runs.length = 0;
    for (let i = 0; i < 3; i++) await enqueue(database.db, recordJob, { label: 'once' }, { workspaceId: null, dedupeKey: 'k1' });
    await new Worker(database.db, log, [recordJob], noContext).drain();
    expect(runs).toEqual(['once']);
  });

  it('retries a failing job with backoff and gives up after maxAttempts', async () => {
    failuresLeft = 1;
    await enqueue(database.db, flakyJob, {}, { workspaceId: null });
    const worker = new Worker(database.db, log, [flakyJob], noContext);
    await worker.drain();
    let [job] = await jobs();
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'SMTP server said no' });
    expect(job.run_at.getTime()).toBeGreaterThan(Date.now());
    await sql`UPDATE jobs SET run_at = now()`.execute(database.db);
    await worker.drain();
    [job] = await jobs();
    expect(job).toMatchObject({ status: 'done', attempts: 2 });

    failuresLeft = 10;
    await enqueue(database.db, flakyJob, {}, { workspaceId: null });
    for (let i = 0; i < 3; i++) {
      await sql`UPDATE jobs SET run_at = now() WHERE status = 'queued'`.execute(database.db);
      await worker.drain();
    }
    const last = (await jobs())[1];
    expect(last).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('takes over a job whose worker died (lease expired)', async () => {
    runs.length = 0;
    await enqueue(database.db, recordJob, { label: 'orphan' }, { workspaceId: null });
    await sql`UPDATE jobs SET status = 'running', attempts = 1, locked_until = now() - interval '1 second'`.execute(database.db);
    await new Worker(database.db, log, [recordJob], noContext).drain();
    expect(runs).toEqual(['orphan']);
  });

  it('runs each job exactly once with two workers draining together', async () => {
    runs.length = 0;
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 40; i++) await enqueue(trx, recordJob, { label: `job-${i}` }, { workspaceId: null });
    });
    const w1 = new Worker(database.db, log, [recordJob], noContext, 3);
    const w2 = new Worker(database.db, log, [recordJob], noContext, 3);
    await Promise.all([w1.drain(), w2.drain()]);
    expect(runs.length).toBe(40);
    expect(new Set(runs).size).toBe(40);
  });

  it('the background loop picks up new jobs and stops cleanly', async () => {
    runs.length = 0;
    const worker = new Worker(database.db, log, [recordJob], noContext);
    worker.start();
    await enqueue(database.db, recordJob, { label: 'background' }, { workspaceId: null });
    worker.poke();
    for (let i = 0; i < 50 && runs.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await worker.stop();
    expect(runs).toEqual(['background']);
  });
});
