// Tracking: sources and their write keys, the ingestion inbox, events (monthly partitions), message
// receipts (dedupe by messageId), identities (anonymous id / user id → contact), visits, touches, and
// the pointer a merged contact keeps to its survivor. See server/tracking/README.md for the flow.
import { sql, type Kysely } from 'kysely';

/** `events_p2026_11` for November 2026: one partition per calendar month (UTC). */
function monthPartitions(now: Date, count: number): Array<{ name: string; from: string; to: string }> {
  const out = [];
  for (let i = 0; i < count; i++) {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    const name = `events_p${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
    out.push({ name, from: from.toISOString(), to: to.toISOString() });
  }
  return out;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Write keys are public by design (they sit in every page's snippet, as Segment's do): a key
    -- only lets its holder send events to this source, never read anything.
    CREATE TABLE sources (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      write_key text NOT NULL UNIQUE,
      -- counted by the processing job per batch (not per request: no hot row on the ingest path)
      event_count bigint NOT NULL DEFAULT 0,
      last_event_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      PRIMARY KEY (workspace_id, id)
    );
    CREATE INDEX sources_created ON sources (workspace_id, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX sources_name ON sources (workspace_id, name, id) WHERE deleted_at IS NULL;

    -- Accepted events waiting for processing: one row per ingest request, its valid events as a JSON
    -- array (json, not jsonb: stored as sent, without being taken apart, which is what makes an
    -- acknowledgement cheap). The tracking.process-inbox job moves them into events, identities,
    -- visits and touches and deletes the row in the same transaction. No foreign keys: this is the
    -- hot path, and a row lives for seconds. failed_at marks events that could not be processed
    -- (kept for inspection, skipped by the job).
    CREATE TABLE tracking_inbox (
      workspace_id uuid NOT NULL,
      id bigint GENERATED ALWAYS AS IDENTITY,
      source_id uuid,
      received_at timestamptz NOT NULL DEFAULT now(),
      event_count integer NOT NULL,
      payload json NOT NULL,
      failed_at timestamptz,
      error text,
      PRIMARY KEY (workspace_id, id)
    );
    -- payloads are read once, seconds later: compressing them would only cost CPU
    ALTER TABLE tracking_inbox ALTER COLUMN payload SET STORAGE EXTERNAL;

    -- Append-only event log, one partition per month so retention drops whole partitions. The
    -- primary key must contain the partition key, so messageId dedupe lives in event_receipts.
    -- No foreign keys either: events outlive nothing they point at (contacts are soft-deleted) and
    -- per-row checks would cost the ingest rate.
    CREATE TABLE events (
      workspace_id uuid NOT NULL,
      id uuid NOT NULL,
      occurred_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL,
      type text NOT NULL CHECK (type IN ('track', 'identify', 'page', 'screen', 'group', 'alias')),
      -- track: the event name; page/screen: the page name
      event text,
      message_id text NOT NULL,
      source_id uuid,
      anonymous_id text,
      user_id text,
      contact_id uuid,
      visit_id uuid,
      group_id text,
      previous_id text,
      properties jsonb NOT NULL DEFAULT '{}',
      traits jsonb NOT NULL DEFAULT '{}',
      context jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (workspace_id, occurred_at, id)
    ) PARTITION BY RANGE (occurred_at);
    CREATE INDEX events_contact ON events (workspace_id, contact_id, occurred_at) WHERE contact_id IS NOT NULL;
    CREATE INDEX events_type ON events (workspace_id, type, event, occurred_at);
    -- stitching finds a visitor's not-yet-attributed history by anonymous id or user id
    CREATE INDEX events_unresolved_anonymous ON events (workspace_id, anonymous_id)
      WHERE contact_id IS NULL AND anonymous_id IS NOT NULL;
    CREATE INDEX events_unresolved_user ON events (workspace_id, user_id)
      WHERE contact_id IS NULL AND user_id IS NOT NULL;

    -- One row per messageId ever stored: a retried batch inserts nothing twice. Deleted with the
    -- events they stand for (retention); BRIN on received_at keeps that delete cheap.
    CREATE TABLE event_receipts (
      workspace_id uuid NOT NULL,
      message_id text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, message_id)
    );
    CREATE INDEX event_receipts_received ON event_receipts USING brin (received_at);

    -- Who a visitor is: an anonymous id (a browser) or a user id (the customer's own id) → contact.
    CREATE TABLE identities (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('anonymous_id', 'user_id')),
      value text NOT NULL,
      contact_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, kind, value),
      FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX identities_contact ON identities (workspace_id, contact_id);

    -- Segment group ids → accounts, for groups sent without a domain.
    CREATE TABLE group_accounts (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      group_id text NOT NULL,
      account_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, group_id),
      FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id) ON DELETE CASCADE
    );

    -- A visit (session): a visitor's page views with no gap over 30 minutes. visitor is the
    -- anonymous id, or 'user:' || user id for page views sent with a user id only.
    CREATE TABLE visits (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL,
      visitor text NOT NULL,
      contact_id uuid,
      started_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      page_views integer NOT NULL,
      landing_page text,
      referrer text,
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE
    ) WITH (fillfactor = 80);
    -- Every page view moves its visit's last_seen_at and page_views: no index names those columns
    -- and pages keep free space, so the update stays a cheap heap-only (HOT) one.
    CREATE INDEX visits_visitor ON visits (workspace_id, visitor);
    CREATE INDEX visits_contact ON visits (workspace_id, contact_id, started_at) WHERE contact_id IS NOT NULL;
    CREATE INDEX visits_started ON visits USING brin (started_at);

    -- Marketing touches (contract in docs/design/marketing-intake.md; campaigns reads it for counts).
    CREATE TABLE touches (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      contact_id uuid,
      anonymous_id text,
      user_id text,
      occurred_at timestamptz NOT NULL,
      kind text NOT NULL CHECK (kind IN ('visit', 'form', 'email_click', 'ad_click')),
      channel text NOT NULL,
      source text,
      medium text,
      campaign_id uuid,
      campaign text,
      content text,
      term text,
      landing_page text,
      referrer text,
      click_id_type text,
      event_id uuid,
      visit_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, id),
      FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, campaign_id) REFERENCES campaigns(workspace_id, id) ON DELETE SET NULL (campaign_id)
    );
    CREATE INDEX touches_contact ON touches (workspace_id, contact_id, occurred_at);
    CREATE INDEX touches_campaign ON touches (workspace_id, campaign_id, occurred_at);
    CREATE INDEX touches_occurred ON touches (workspace_id, occurred_at);
    CREATE INDEX touches_unresolved ON touches (workspace_id, anonymous_id) WHERE contact_id IS NULL;
    CREATE INDEX touches_unresolved_user ON touches (workspace_id, user_id) WHERE contact_id IS NULL AND user_id IS NOT NULL;

    -- A merged contact is soft-deleted and points at the contact that absorbed it.
    ALTER TABLE contacts ADD COLUMN merged_into_id uuid;
    ALTER TABLE contacts ADD FOREIGN KEY (workspace_id, merged_into_id) REFERENCES contacts(workspace_id, id);
  `.execute(db);

  // this month and the next exist from the start; the processing job creates others on demand
  for (const p of monthPartitions(new Date(), 2)) {
    await sql`CREATE TABLE ${sql.id(p.name)} PARTITION OF events FOR VALUES FROM (${sql.lit(p.from)}) TO (${sql.lit(p.to)})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE contacts DROP COLUMN merged_into_id;
    DROP TABLE touches, visits, group_accounts, identities, event_receipts, events, tracking_inbox, sources;
  `.execute(db);
}
