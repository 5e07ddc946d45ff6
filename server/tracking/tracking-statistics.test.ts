import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../test/harness.ts';
import type { OpenDatabase } from '../platform/db.ts';
import { refreshTrackingStatistics } from './tracking-statistics.ts';

let database: OpenDatabase;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  await database.close();
  await drop();
});

const plannedReceipts = async () =>
  Number((await sql<{ n: number }>`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'event_receipts'::regclass`.execute(database.db)).rows[0].n);

it('analyzes the tracking tables each time the processed events double, not on every batch', async () => {
  await sql`INSERT INTO event_receipts (workspace_id, message_id)
    SELECT gen_random_uuid(), 'm' || g FROM generate_series(1, 12000) g`.execute(database.db);
  const before = await plannedReceipts();
  expect(before).toBeLessThan(12000); // never analyzed: the planner does not know the rows are there

  expect(await refreshTrackingStatistics(database.db, 6000)).toBe(false);
  expect(await plannedReceipts()).toBe(before);
  expect(await refreshTrackingStatistics(database.db, 6000)).toBe(true); // 12,000 ≥ the 10,000 floor
  expect(await plannedReceipts()).toBe(12000);

  // next time only after another 12,000 (the size at the last ANALYZE)
  expect(await refreshTrackingStatistics(database.db, 11000)).toBe(false);
  expect(await refreshTrackingStatistics(database.db, 1000)).toBe(true);
});
