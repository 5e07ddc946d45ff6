// Forms (built in the web app, served at /f/{id} and by the embed script), their submissions, the
// consents people give through them, and daily view counters for conversion rates.
// `consents` is general on purpose: later email features read it (and write withdrawals to it).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE forms (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      -- [{ property: 'email' | 'firstName' | … | 'customFields.<key>', label, type, required, placeholder, helpText }]
      fields jsonb NOT NULL DEFAULT '[]',
      -- null: no consent checkbox
      consent_text text,
      consent_required boolean NOT NULL DEFAULT false,
      submit_label text NOT NULL DEFAULT 'Submit',
      thank_you_message text NOT NULL DEFAULT '',
      -- when set, visitors go here after submitting instead of seeing the thank-you message
      redirect_url text,
      double_opt_in boolean NOT NULL DEFAULT false,
      notification_emails text[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
      search_text text GENERATED ALWAYS AS (lower(name)) STORED,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, created_by) REFERENCES members(workspace_id, user_id)
    );
    -- public URLs (/f/{id}, the embed) carry only the form id; the workspace is found from it
    CREATE UNIQUE INDEX forms_public_id ON forms (id);
    CREATE INDEX forms_created ON forms (workspace_id, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX forms_updated ON forms (workspace_id, updated_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX forms_name ON forms (workspace_id, name, id) WHERE deleted_at IS NULL;

    CREATE TABLE form_submissions (
      workspace_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      form_id uuid NOT NULL,
      contact_id uuid NOT NULL,
      -- the cleaned values, keyed by field property
      "values" jsonb NOT NULL,
      anonymous_id text,
      page_url text,
      referrer text,
      utm jsonb NOT NULL DEFAULT '{}',
      ip text,
      user_agent text,
      -- without double opt-in a submission is confirmed when it arrives
      status text NOT NULL CHECK (status IN ('pending_confirmation', 'confirmed')),
      confirm_token_hash text,
      confirmed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, form_id) REFERENCES forms(workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX form_submissions_form ON form_submissions (workspace_id, form_id, created_at, id);
    CREATE INDEX form_submissions_contact ON form_submissions (workspace_id, contact_id, created_at);
    CREATE UNIQUE INDEX form_submissions_token ON form_submissions (confirm_token_hash) WHERE confirm_token_hash IS NOT NULL;

    -- One row per consent given or withdrawn. A contact's consent of a kind is its latest row:
    -- in force when granted and confirmed (double opt-in rows wait for confirmed_at).
    CREATE TABLE consents (
      workspace_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      contact_id uuid NOT NULL,
      kind text NOT NULL,
      granted boolean NOT NULL,
      -- the exact wording the person agreed to
      text text NOT NULL,
      source_type text NOT NULL,
      source_id uuid,
      source_url text,
      submission_id uuid,
      ip text,
      user_agent text,
      double_opt_in boolean NOT NULL DEFAULT false,
      confirmed_at timestamptz,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, submission_id) REFERENCES form_submissions(workspace_id, id)
    );
    CREATE INDEX consents_contact ON consents (workspace_id, contact_id, kind, recorded_at DESC);
    CREATE INDEX consents_submission ON consents (workspace_id, submission_id) WHERE submission_id IS NOT NULL;

    -- Views of each form per UTC day: one upsert per view, no row per view.
    CREATE TABLE form_views_daily (
      workspace_id uuid NOT NULL,
      form_id uuid NOT NULL,
      day date NOT NULL,
      views integer NOT NULL DEFAULT 0,
      PRIMARY KEY (workspace_id, form_id, day),
      FOREIGN KEY (workspace_id, form_id) REFERENCES forms(workspace_id, id) ON DELETE CASCADE
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE form_views_daily, consents, form_submissions, forms`.execute(db);
}
