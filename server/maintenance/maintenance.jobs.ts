// Housekeeping that keeps a long-running install healthy, hourly.
// - ANALYZE: PGlite has no autovacuum, so without it the planner keeps the statistics of the day the
//   tables were small (a contacts list at 1M rows then picks sequential scans). Cheap: it samples.
// - Idempotency keys are kept 24 hours, as Stripe does; finished jobs 7 days (for the record).
import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../platform/jobs.ts';
import type { Db } from '../platform/db.ts';

export const IDEMPOTENCY_KEY_HOURS = 24;
export const FINISHED_JOB_DAYS = 7;

export async function runMaintenance(db: Db): Promise<{ idempotencyKeys: number; jobs: number }> {
  const keys = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`)
    .executeTakeFirst();
  const jobs = await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', sql<Date>`now() - make_interval(days => ${FINISHED_JOB_DAYS})`)
    .executeTakeFirst();
  await sql`ANALYZE`.execute(db);
  return { idempotencyKeys: Number(keys.numDeletedRows), jobs: Number(jobs.numDeletedRows) };
}

export const maintenance = defineJob({
  name: 'maintenance.hourly',
  payload: z.object({}),
  everySeconds: 3600,
  maxAttempts: 1,
  async handler({ db, log }) {
    log.info(await runMaintenance(db), 'maintenance done');
  },
});
