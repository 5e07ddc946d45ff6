// Views (counted per UTC day, one upsert per view) and submissions of a form, per day and in total.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { conversionRate } from './forms.store.ts';

export async function countFormView(db: DbOrTrx, workspaceId: string, formId: string): Promise<void> {
  await sql`
    INSERT INTO form_views_daily (workspace_id, form_id, day, views)
    VALUES (${workspaceId}, ${formId}, (now() AT TIME ZONE 'UTC')::date, 1)
    ON CONFLICT (workspace_id, form_id, day) DO UPDATE SET views = form_views_daily.views + 1`.execute(db);
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

/** Defaults to the 30 days ending today (UTC); refuses reversed or over-long ranges. */
export function analyticsRange(from: string | undefined, to: string | undefined, now = new Date()): { from: string; to: string } {
  const end = to ?? now.toISOString().slice(0, 10);
  const start = from ?? new Date(Date.parse(end) - 29 * DAY_MS).toISOString().slice(0, 10);
  const days = (Date.parse(end) - Date.parse(start)) / DAY_MS + 1;
  if (days < 1) throw AppError.invalid('from', 'must be on or before `to`');
  if (days > MAX_DAYS) throw AppError.invalid('from', `the range can cover at most ${MAX_DAYS} days`);
  return { from: start, to: end };
}

export async function formAnalytics(db: DbOrTrx, workspaceId: string, formId: string, range: { from: string; to: string }) {
  const { rows } = await sql<{ date: string; views: number; submissions: number }>`
    WITH days AS (
      SELECT d::date AS day FROM generate_series(${range.from}::date, ${range.to}::date, interval '1 day') AS d
    ),
    v AS (
      SELECT day, views FROM form_views_daily
      WHERE workspace_id = ${workspaceId} AND form_id = ${formId} AND day BETWEEN ${range.from}::date AND ${range.to}::date
    ),
    s AS (
      SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n FROM form_submissions
      WHERE workspace_id = ${workspaceId} AND form_id = ${formId}
        AND created_at >= ${range.from}::date::timestamp AT TIME ZONE 'UTC'
        AND created_at < (${range.to}::date + 1)::timestamp AT TIME ZONE 'UTC'
      GROUP BY 1
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS date, coalesce(v.views, 0)::int AS views, coalesce(s.n, 0)::int AS submissions
    FROM days LEFT JOIN v ON v.day = days.day LEFT JOIN s ON s.day = days.day
    ORDER BY days.day`.execute(db);
  const views = rows.reduce((n, r) => n + r.views, 0);
  const submissions = rows.reduce((n, r) => n + r.submissions, 0);
  return { ...range, views, submissions, conversionRate: conversionRate(views, submissions), days: rows };
}
