// Deals slice (issue 4): pipelines and their stages, products, close reasons, deals with their
// contacts, line items and stage history; notes can now sit on a deal. Every workspace gets the
// default "New business" pipeline and close reasons (new workspaces get them in createWorkspace).
// See docs/design/sales.md: other slices (activities, forecast, imports, demo) read these tables.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE pipelines (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      position integer NOT NULL DEFAULT 0,
      is_default boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      archived_at timestamptz,
      PRIMARY KEY (workspace_id, id)
    );
    CREATE UNIQUE INDEX pipelines_default ON pipelines (workspace_id) WHERE is_default AND archived_at IS NULL;
    CREATE UNIQUE INDEX pipelines_name ON pipelines (workspace_id, lower(name)) WHERE archived_at IS NULL;

    -- Stages are archived, never deleted: stage history (and the forecast's conversion rates built on
    -- it) keeps pointing at them.
    CREATE TABLE pipeline_stages (
      workspace_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      pipeline_id uuid NOT NULL,
      name text NOT NULL,
      position integer NOT NULL DEFAULT 0,
      probability integer NOT NULL CHECK (probability BETWEEN 0 AND 100),
      type text NOT NULL DEFAULT 'open' CHECK (type IN ('open', 'won', 'lost')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      archived_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      -- lets deals reference (pipeline, stage) together, so a deal's stage is always of its pipeline
      UNIQUE (workspace_id, pipeline_id, id),
      FOREIGN KEY (workspace_id, pipeline_id) REFERENCES pipelines(workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX pipeline_stages_pipeline ON pipeline_stages (workspace_id, pipeline_id, position) WHERE archived_at IS NULL;

    CREATE TABLE products (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      sku text,
      description text,
      unit_price numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
      currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
      active boolean NOT NULL DEFAULT true,
      search_text text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(sku, ''))) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      PRIMARY KEY (workspace_id, id)
    );
    CREATE UNIQUE INDEX products_sku ON products (workspace_id, lower(sku)) WHERE deleted_at IS NULL AND sku IS NOT NULL;
    CREATE INDEX products_name ON products (workspace_id, name, id) WHERE deleted_at IS NULL;
    CREATE INDEX products_created ON products (workspace_id, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX products_price ON products (workspace_id, unit_price, id) WHERE deleted_at IS NULL;
    CREATE INDEX products_search ON products USING gin (search_text gin_trgm_ops);

    CREATE TABLE close_reasons (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('won', 'lost')),
      label text NOT NULL,
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      archived_at timestamptz,
      PRIMARY KEY (workspace_id, id)
    );
    CREATE UNIQUE INDEX close_reasons_label ON close_reasons (workspace_id, kind, lower(label)) WHERE archived_at IS NULL;

    CREATE TABLE deals (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      pipeline_id uuid NOT NULL,
      stage_id uuid NOT NULL,
      -- the stage's type, kept by moveDeal (and by stage edits) so lists, forecasts and metrics filter
      -- open/won/lost without a join
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
      name text NOT NULL,
      amount numeric(14, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
      -- when true, amount is the sum of the line items and is recomputed whenever they change
      amount_from_line_items boolean NOT NULL DEFAULT false,
      currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
      expected_close_date date,
      owner_id uuid,
      account_id uuid,
      source_campaign_id uuid,
      forecast_category text NOT NULL DEFAULT 'pipeline'
        CHECK (forecast_category IN ('pipeline', 'best_case', 'commit', 'closed', 'omitted')),
      close_reason_id uuid,
      close_note text,
      closed_at timestamptz,
      stage_changed_at timestamptz NOT NULL DEFAULT now(),
      deal_type text NOT NULL DEFAULT 'new' CHECK (deal_type IN ('new', 'renewal', 'expansion')),
      parent_deal_id uuid,
      renewal_date date,
      search_text text GENERATED ALWAYS AS (lower(name)) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      CHECK ((status = 'open') = (closed_at IS NULL)),
      CHECK (parent_deal_id IS NULL OR parent_deal_id <> id),
      FOREIGN KEY (workspace_id, pipeline_id) REFERENCES pipelines(workspace_id, id),
      FOREIGN KEY (workspace_id, pipeline_id, stage_id) REFERENCES pipeline_stages(workspace_id, pipeline_id, id),
      FOREIGN KEY (workspace_id, owner_id) REFERENCES members(workspace_id, user_id),
      FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, source_campaign_id) REFERENCES campaigns(workspace_id, id),
      FOREIGN KEY (workspace_id, close_reason_id) REFERENCES close_reasons(workspace_id, id),
      FOREIGN KEY (workspace_id, parent_deal_id) REFERENCES deals(workspace_id, id)
    );
    -- board columns: one stage's deals, most recently moved first (not partial: deleting a stage
    -- moves its deleted deals too)
    CREATE INDEX deals_stage ON deals (workspace_id, stage_id, stage_changed_at DESC, id DESC);
    CREATE INDEX deals_pipeline ON deals (workspace_id, pipeline_id, status) WHERE deleted_at IS NULL;
    CREATE INDEX deals_created ON deals (workspace_id, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX deals_updated ON deals (workspace_id, updated_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX deals_name ON deals (workspace_id, name, id) WHERE deleted_at IS NULL;
    CREATE INDEX deals_amount ON deals (workspace_id, amount, id) WHERE deleted_at IS NULL;
    CREATE INDEX deals_close_date ON deals (workspace_id, expected_close_date, id) WHERE deleted_at IS NULL;
    CREATE INDEX deals_closed_at ON deals (workspace_id, closed_at, id) WHERE deleted_at IS NULL AND closed_at IS NOT NULL;
    CREATE INDEX deals_owner ON deals (workspace_id, owner_id, status) WHERE deleted_at IS NULL;
    CREATE INDEX deals_account ON deals (workspace_id, account_id) WHERE deleted_at IS NULL;
    CREATE INDEX deals_parent ON deals (workspace_id, parent_deal_id) WHERE parent_deal_id IS NOT NULL;
    CREATE INDEX deals_renewal ON deals (workspace_id, renewal_date, id) WHERE deleted_at IS NULL AND status = 'won' AND renewal_date IS NOT NULL;
    CREATE INDEX deals_deleted ON deals (workspace_id, deleted_at, id) WHERE deleted_at IS NOT NULL;
    CREATE INDEX deals_search ON deals USING gin (search_text gin_trgm_ops);

    CREATE TABLE deal_contacts (
      workspace_id uuid NOT NULL,
      deal_id uuid NOT NULL,
      contact_id uuid NOT NULL,
      role text CHECK (role IN ('decision_maker', 'champion', 'influencer', 'user', 'blocker')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, deal_id, contact_id),
      FOREIGN KEY (workspace_id, deal_id) REFERENCES deals(workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX deal_contacts_contact ON deal_contacts (workspace_id, contact_id);

    CREATE TABLE deal_line_items (
      workspace_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      deal_id uuid NOT NULL,
      product_id uuid,
      name text NOT NULL,
      quantity numeric(14, 2) NOT NULL CHECK (quantity > 0),
      unit_price numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
      discount_percent numeric(5, 2) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, deal_id) REFERENCES deals(workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, product_id) REFERENCES products(workspace_id, id)
    );
    CREATE INDEX deal_line_items_deal ON deal_line_items (workspace_id, deal_id, position);
    CREATE INDEX deal_line_items_product ON deal_line_items (workspace_id, product_id) WHERE product_id IS NOT NULL;

    -- One row when a deal is created (from_stage_id null) and one per stage change. Imports write
    -- historical changed_at. amount is the deal's amount at the time, for historical pipeline sums.
    CREATE TABLE deal_stage_history (
      workspace_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      deal_id uuid NOT NULL,
      pipeline_id uuid NOT NULL,
      from_stage_id uuid,
      to_stage_id uuid NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now(),
      changed_by uuid,
      amount numeric(14, 2) NOT NULL DEFAULT 0,
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, deal_id) REFERENCES deals(workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, pipeline_id) REFERENCES pipelines(workspace_id, id),
      FOREIGN KEY (workspace_id, from_stage_id) REFERENCES pipeline_stages(workspace_id, id),
      FOREIGN KEY (workspace_id, to_stage_id) REFERENCES pipeline_stages(workspace_id, id),
      FOREIGN KEY (workspace_id, changed_by) REFERENCES members(workspace_id, user_id)
    );
    CREATE INDEX deal_stage_history_deal ON deal_stage_history (workspace_id, deal_id, changed_at);
    CREATE INDEX deal_stage_history_to_stage ON deal_stage_history (workspace_id, to_stage_id, changed_at);

    -- Notes can sit on a deal too (exactly one of contact, account, deal).
    ALTER TABLE notes ADD COLUMN deal_id uuid;
    ALTER TABLE notes ADD FOREIGN KEY (workspace_id, deal_id) REFERENCES deals(workspace_id, id) ON DELETE CASCADE;
    ALTER TABLE notes DROP CONSTRAINT notes_check;
    ALTER TABLE notes ADD CONSTRAINT notes_one_parent CHECK (num_nonnulls(contact_id, account_id, deal_id) = 1);
    CREATE INDEX notes_deal ON notes (workspace_id, deal_id, created_at) WHERE deal_id IS NOT NULL;
  `.execute(db);

  // Defaults for the workspaces that exist now (kept here rather than importing the seeding code, so
  // this migration means the same thing forever).
  await sql`
    INSERT INTO pipelines (workspace_id, name, position, is_default)
    SELECT id, 'New business', 0, true FROM workspaces;

    INSERT INTO pipeline_stages (workspace_id, pipeline_id, name, position, probability, type)
    SELECT p.workspace_id, p.id, s.name, s.position, s.probability, s.type
    FROM pipelines p
    CROSS JOIN (VALUES
      ('Qualification', 0, 10, 'open'), ('Discovery', 1, 20, 'open'), ('Proposal', 2, 50, 'open'),
      ('Negotiation', 3, 75, 'open'), ('Closed won', 4, 100, 'won'), ('Closed lost', 5, 0, 'lost')
    ) AS s(name, position, probability, type);

    INSERT INTO close_reasons (workspace_id, kind, label, position)
    SELECT w.id, r.kind, r.label, r.position
    FROM workspaces w
    CROSS JOIN (VALUES
      ('won', 'Best fit for their needs', 0), ('won', 'Price and value', 1), ('won', 'Relationship and trust', 2),
      ('won', 'Speed of implementation', 3),
      ('lost', 'Price too high', 0), ('lost', 'Lost to a competitor', 1), ('lost', 'No decision / went dark', 2),
      ('lost', 'Missing features', 3), ('lost', 'Bad timing', 4), ('lost', 'Not a fit', 5)
    ) AS r(kind, label, position);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX notes_deal;
    DELETE FROM notes WHERE deal_id IS NOT NULL;
    ALTER TABLE notes DROP CONSTRAINT notes_one_parent;
    ALTER TABLE notes DROP COLUMN deal_id;
    ALTER TABLE notes ADD CONSTRAINT notes_check CHECK (num_nonnulls(contact_id, account_id) = 1);
    DROP TABLE deal_stage_history, deal_line_items, deal_contacts, deals, close_reasons, products, pipeline_stages, pipelines;
  `.execute(db);
}
