// Sales activities: tasks, calls, meetings and logged emails, attached to contacts, accounts and deals.
// One table with the fields of every type (most are null for a given type) rather than one table per
// type: timelines, "My work" and lists read across types, and a CHECK per type keeps rows honest.
// Notes stay in `notes`. Meeting attendees (contacts and members) have their own table so a meeting
// shows on each attendee's timeline and in each attending member's My work.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE activities (
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      type text NOT NULL CHECK (type IN ('task', 'call', 'meeting', 'email')),
      subject text,
      body text,
      contact_id uuid,
      account_id uuid,
      deal_id uuid,
      -- who the task is assigned to, or who made the call, holds the meeting, sent or got the email
      assignee_id uuid,
      created_by uuid,
      -- task
      due_at timestamptz,
      priority text CHECK (priority IN ('low', 'normal', 'high')),
      done_at timestamptz,
      done boolean GENERATED ALWAYS AS (done_at IS NOT NULL) STORED,
      -- call
      outcome text CHECK (outcome IN ('connected', 'left_voicemail', 'no_answer', 'busy', 'wrong_number', 'gatekeeper')),
      duration_seconds integer CHECK (duration_seconds BETWEEN 0 AND 86400),
      -- call and email
      direction text CHECK (direction IN ('inbound', 'outbound')),
      -- meeting
      starts_at timestamptz,
      ends_at timestamptz,
      location text,
      -- email
      from_address text,
      to_addresses text[],
      -- when a call or email happened (meetings use starts_at, tasks created_at)
      occurred_at timestamptz,
      -- where the activity sits on a timeline
      timeline_at timestamptz GENERATED ALWAYS AS (coalesce(starts_at, occurred_at, created_at)) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      PRIMARY KEY (workspace_id, id),
      CHECK (num_nonnulls(contact_id, account_id, deal_id) >= 1),
      CHECK (type = 'task' OR (due_at IS NULL AND priority IS NULL AND done_at IS NULL)),
      CHECK (type = 'call' OR (outcome IS NULL AND duration_seconds IS NULL)),
      CHECK (type IN ('call', 'email') OR (direction IS NULL AND occurred_at IS NULL)),
      CHECK (type = 'meeting' OR (starts_at IS NULL AND ends_at IS NULL AND location IS NULL)),
      CHECK (type <> 'meeting' OR (starts_at IS NOT NULL AND (ends_at IS NULL OR ends_at > starts_at))),
      CHECK (type = 'email' OR (from_address IS NULL AND to_addresses IS NULL)),
      FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, account_id) REFERENCES accounts(workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, deal_id) REFERENCES deals(workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, assignee_id) REFERENCES members(workspace_id, user_id),
      FOREIGN KEY (workspace_id, created_by) REFERENCES members(workspace_id, user_id)
    );
    -- My work: open tasks of one member by due date; meetings of one member by start
    CREATE INDEX activities_open_tasks ON activities (workspace_id, assignee_id, due_at)
      WHERE type = 'task' AND done_at IS NULL AND deleted_at IS NULL;
    CREATE INDEX activities_meetings ON activities (workspace_id, assignee_id, starts_at)
      WHERE type = 'meeting' AND deleted_at IS NULL;
    -- timelines of one record, newest first
    CREATE INDEX activities_contact_timeline ON activities (workspace_id, contact_id, timeline_at, id)
      WHERE contact_id IS NOT NULL AND deleted_at IS NULL;
    CREATE INDEX activities_account_timeline ON activities (workspace_id, account_id, timeline_at, id)
      WHERE account_id IS NOT NULL AND deleted_at IS NULL;
    CREATE INDEX activities_deal_timeline ON activities (workspace_id, deal_id, timeline_at, id)
      WHERE deal_id IS NOT NULL AND deleted_at IS NULL;
    -- the list's sorts
    CREATE INDEX activities_created ON activities (workspace_id, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX activities_timeline ON activities (workspace_id, timeline_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX activities_due ON activities (workspace_id, due_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX activities_assignee ON activities (workspace_id, assignee_id, timeline_at, id) WHERE deleted_at IS NULL;

    CREATE TABLE activity_attendees (
      workspace_id uuid NOT NULL,
      activity_id uuid NOT NULL,
      contact_id uuid,
      user_id uuid,
      CHECK (num_nonnulls(contact_id, user_id) = 1),
      FOREIGN KEY (workspace_id, activity_id) REFERENCES activities(workspace_id, id) ON DELETE CASCADE,
      FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts(workspace_id, id),
      FOREIGN KEY (workspace_id, user_id) REFERENCES members(workspace_id, user_id)
    );
    CREATE UNIQUE INDEX activity_attendees_contact ON activity_attendees (workspace_id, activity_id, contact_id) WHERE contact_id IS NOT NULL;
    CREATE UNIQUE INDEX activity_attendees_member ON activity_attendees (workspace_id, activity_id, user_id) WHERE user_id IS NOT NULL;
    -- meetings a contact attended (their timeline) and a member attends (their My work)
    CREATE INDEX activity_attendees_by_contact ON activity_attendees (workspace_id, contact_id, activity_id) WHERE contact_id IS NOT NULL;
    CREATE INDEX activity_attendees_by_member ON activity_attendees (workspace_id, user_id, activity_id) WHERE user_id IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE activity_attendees; DROP TABLE activities;`.execute(db);
}
