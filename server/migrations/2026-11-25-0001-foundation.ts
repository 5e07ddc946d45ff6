// Foundation schema: workspaces, people who sign in, API keys, contacts, accounts, custom fields,
// notes, outbox, jobs, idempotency keys and imports. Every tenant table's primary key and foreign
// keys lead with workspace_id (see ARCHITECTURE.md, "Tenancy").
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await sql`
    CREATE TABLE workspaces (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- A person who signs in. One identity can be a member of several workspaces, so this table is
    -- global; everything they can see is reached through members (workspace-scoped).
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL UNIQUE,
      name text NOT NULL,
      password_hash text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE members (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      role text NOT NULL CHECK (role IN ('admin', 'marketing', 'sales', 'viewer')),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz,
      PRIMARY KEY (workspace_id, user_id)
    );

    CREATE TABLE invitations (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      email text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'marketing', 'sales', 'viewer')),
      token_hash text NOT NULL UNIQUE,
      invited_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      revoked_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, invited_by) REFERENCES members(workspace_id, user_id)
    );
    CREATE UNIQUE INDEX invitations_open_email ON invitations (workspace_id, email)
      WHERE accepted_at IS NULL AND revoked_at IS NULL;

    CREATE TABLE sessions (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id text NOT NULL UNIQUE, -- sha256 of the cookie token
      user_id uuid NOT NULL,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, user_id) REFERENCES members(workspace_id, user_id) ON DELETE CASCADE
    );

    CREATE TABLE api_keys (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'marketing', 'sales', 'viewer')),
      prefix text NOT NULL,
      key_hash text NOT NULL UNIQUE,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, created_by) REFERENCES members(workspace_id, user_id)
    );

    CREATE TABLE accounts (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      domain text,
      industry text,
      employee_count integer,
      annual_revenue numeric(18, 2),
      country text,
      owner_id uuid,
      custom_fields jsonb NOT NULL DEFAULT '{}',
      search_text text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(domain, ''))) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, owner_id) REFERENCES members(workspace_id, user_id)
    );
    CREATE UNIQUE INDEX accounts_domain ON accounts (workspace_id, domain)
      WHERE deleted_at IS NULL AND domain IS NOT NULL;
    CREATE INDEX accounts_created ON accounts (workspace_id, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX accounts_updated ON accounts (workspace_id, updated_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX accounts_name ON accounts (workspace_id, name, id) WHERE deleted_at IS NULL;
    CREATE INDEX accounts_lower_name ON accounts (workspace_id, lower(name)) WHERE deleted_at IS NULL;
    -- a re-created account takes back the contacts of the deleted account with its domain
    CREATE INDEX accounts_deleted_domain ON accounts (workspace_id, domain) WHERE deleted_at IS NOT NULL;
    CREATE INDEX accounts_search ON accounts USING gin (search_text gin_trgm_ops);
    CREATE INDEX accounts_custom ON accounts USING gin (custom_fields jsonb_path_ops);

    CREATE TABLE contacts (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      email text,
      first_name text,
      last_name text,
      phone text,
      title text,
      account_id uuid,
      owner_id uuid,
      lifecycle_stage text CHECK (lifecycle_stage IN
        ('subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist', 'other')),
      tags text[] NOT NULL DEFAULT '{}',
      custom_fields jsonb NOT NULL DEFAULT '{}',
      search_text text GENERATED ALWAYS AS
        (lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, ''))) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id),
      FOREIGN KEY (workspace_id, owner_id) REFERENCES members(workspace_id, user_id)
    );
    CREATE UNIQUE INDEX contacts_email ON contacts (workspace_id, email)
      WHERE deleted_at IS NULL AND email IS NOT NULL;
    CREATE INDEX contacts_created ON contacts (workspace_id, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX contacts_updated ON contacts (workspace_id, updated_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX contacts_last_name ON contacts (workspace_id, last_name, id) WHERE deleted_at IS NULL;
    CREATE INDEX contacts_account ON contacts (workspace_id, account_id) WHERE deleted_at IS NULL;
    -- finds the unlinked contacts of a newly created account's domain
    CREATE INDEX contacts_unlinked_domain ON contacts (workspace_id, split_part(email, '@', 2))
      WHERE deleted_at IS NULL AND account_id IS NULL;
    CREATE INDEX contacts_search ON contacts USING gin (search_text gin_trgm_ops);
    CREATE INDEX contacts_tags ON contacts USING gin (tags);
    CREATE INDEX contacts_custom ON contacts USING gin (custom_fields jsonb_path_ops);

    CREATE TABLE custom_field_definitions (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      object_type text NOT NULL CHECK (object_type IN ('contact', 'account')),
      key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
      label text NOT NULL,
      type text NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'select', 'multi_select')),
      options jsonb NOT NULL DEFAULT '[]',
      required boolean NOT NULL DEFAULT false,
      description text,
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, object_type, key)
    );

    CREATE TABLE notes (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      contact_id uuid,
      account_id uuid,
      body text NOT NULL,
      author_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      CHECK (num_nonnulls(contact_id, account_id) = 1),
      FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id),
      FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id),
      FOREIGN KEY (workspace_id, author_id) REFERENCES members(workspace_id, user_id)
    );
    CREATE INDEX notes_contact ON notes (workspace_id, contact_id, created_at) WHERE contact_id IS NOT NULL;
    CREATE INDEX notes_account ON notes (workspace_id, account_id, created_at) WHERE account_id IS NOT NULL;

    CREATE TABLE outbox_emails (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      to_address text NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      html_body text,
      status text NOT NULL CHECK (status IN ('outbox_only', 'queued', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      PRIMARY KEY (workspace_id, id)
    );
    CREATE INDEX outbox_created ON outbox_emails (workspace_id, created_at DESC);

    -- Durable job queue (SKIP LOCKED). workspace_id is null only for system-wide maintenance jobs.
    CREATE TABLE jobs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      workspace_id uuid REFERENCES workspaces(id) ON DELETE CASCADE,
      name text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      dedupe_key text,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 5,
      run_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE UNIQUE INDEX jobs_dedupe ON jobs (name, dedupe_key) WHERE dedupe_key IS NOT NULL;
    CREATE INDEX jobs_due ON jobs (run_at) WHERE status IN ('queued', 'running');

    CREATE TABLE idempotency_keys (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      request_hash text NOT NULL,
      response_status integer NOT NULL,
      response_body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, key)
    );
    CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

    CREATE TABLE imports (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      object_type text NOT NULL CHECK (object_type IN ('contact', 'account')),
      status text NOT NULL CHECK (status IN ('uploaded', 'queued', 'running', 'completed', 'failed', 'cancelled')),
      file_name text NOT NULL,
      file_path text NOT NULL,
      file_size bigint NOT NULL,
      headers jsonb NOT NULL DEFAULT '[]',
      mapping jsonb,
      total_rows integer,
      processed_rows integer NOT NULL DEFAULT 0,
      processed_bytes bigint NOT NULL DEFAULT 0,
      created_count integer NOT NULL DEFAULT 0,
      updated_count integer NOT NULL DEFAULT 0,
      failed_count integer NOT NULL DEFAULT 0,
      error text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      PRIMARY KEY (workspace_id, id)
    );

    CREATE TABLE import_row_errors (
      workspace_id uuid NOT NULL,
      import_id uuid NOT NULL,
      row_number integer NOT NULL,
      errors jsonb NOT NULL,
      row jsonb NOT NULL,
      PRIMARY KEY (workspace_id, import_id, row_number),
      FOREIGN KEY (workspace_id, import_id) REFERENCES imports(workspace_id, id) ON DELETE CASCADE
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE IF EXISTS import_row_errors, imports, idempotency_keys, jobs, outbox_emails, notes,
      custom_field_definitions, contacts, accounts, api_keys, sessions, invitations, members, users, workspaces;
  `.execute(db);
}
