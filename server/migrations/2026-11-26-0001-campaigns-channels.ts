// Campaigns (matched to utm_campaign values, created on first sight) and each workspace's ordered,
// editable channel rules. A workspace without saved rules uses the defaults in
// server/channels/default-channel-rules.ts, so the table only holds rules someone edited.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE campaigns (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      -- the utm_campaign value this campaign is matched by (trimmed, lower-cased); it stays put when
      -- the campaign is renamed, so tagged links keep landing on it. Unique across deleted rows too:
      -- traffic for a deleted campaign still lands on it and restoring brings it back whole.
      name_key text NOT NULL CHECK (name_key <> ''),
      channel text,
      start_date date,
      end_date date,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'paused', 'completed')),
      description text,
      first_seen_at timestamptz,
      search_text text GENERATED ALWAYS AS (lower(name || ' ' || name_key)) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
    );
    CREATE UNIQUE INDEX campaigns_name_key ON campaigns (workspace_id, name_key);
    CREATE INDEX campaigns_created ON campaigns (workspace_id, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX campaigns_updated ON campaigns (workspace_id, updated_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX campaigns_name ON campaigns (workspace_id, name, id) WHERE deleted_at IS NULL;
    CREATE INDEX campaigns_start ON campaigns (workspace_id, start_date, id) WHERE deleted_at IS NULL;
    CREATE INDEX campaigns_first_seen ON campaigns (workspace_id, first_seen_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX campaigns_deleted ON campaigns (workspace_id, deleted_at, id) WHERE deleted_at IS NOT NULL;
    CREATE INDEX campaigns_search ON campaigns USING gin (search_text gin_trgm_ops);

    -- One row per rule; position orders them (first match wins). Saving replaces the whole list.
    CREATE TABLE channel_rules (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 0),
      channel text NOT NULL,
      conditions jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, position)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE channel_rules, campaigns`.execute(db);
}
