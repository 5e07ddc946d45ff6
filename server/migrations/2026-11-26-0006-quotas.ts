// Forecast slice (issue 4): quotas per rep (or for the whole team) and period; the cached historical
// stage-to-won counts; indexes the forecast and sales metrics read deals through.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- owner_id null: the team's own quota for the period (otherwise the team's is the sum of its reps').
    CREATE TABLE quotas (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      owner_id uuid,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
      amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, owner_id) REFERENCES members(workspace_id, user_id) ON DELETE CASCADE
    );
    CREATE UNIQUE INDEX quotas_owner_period ON quotas (workspace_id, owner_id, period) WHERE owner_id IS NOT NULL;
    CREATE UNIQUE INDEX quotas_team_period ON quotas (workspace_id, period) WHERE owner_id IS NULL;
    CREATE INDEX quotas_period ON quotas (workspace_id, period, id);

    -- Per stage: of the deals that ever entered it and are closed now, how many, and how many won.
    -- Counting that reads all of a workspace's stage history, so the counts are kept here and
    -- recomputed when deals changed since, no more often than compute_ms allows (see
    -- forecast/stage-conversion.ts).
    CREATE TABLE stage_conversion_cache (
      workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      stages jsonb NOT NULL,
      computed_at timestamptz NOT NULL,
      compute_ms integer NOT NULL DEFAULT 0
    );

    -- The forecast's open deals by expected close date, and closed deals by close time (win rate,
    -- cycle length, closed won); columns the aggregates read are included so they need no heap visit.
    CREATE INDEX deals_forecast_open ON deals (workspace_id, expected_close_date)
      INCLUDE (owner_id, pipeline_id, stage_id, forecast_category, amount, created_at)
      WHERE deleted_at IS NULL AND status = 'open';
    CREATE INDEX deals_forecast_closed ON deals (workspace_id, closed_at)
      INCLUDE (status, owner_id, pipeline_id, amount, created_at)
      WHERE deleted_at IS NULL AND closed_at IS NOT NULL;
    CREATE INDEX deals_forecast_created ON deals (workspace_id, created_at)
      INCLUDE (owner_id, pipeline_id, amount)
      WHERE deleted_at IS NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX deals_forecast_open, deals_forecast_closed, deals_forecast_created;
    DROP TABLE stage_conversion_cache, quotas;
  `.execute(db);
}
