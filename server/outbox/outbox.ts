// Emails the system sends (invitations now; campaign email later goes through its own pipeline).
// Each one is written to the outbox table, visible in Settings → Outbox. When SMTP_URL is set, a
// durable job delivers it; otherwise it stays in the outbox for an admin to read or copy.
import type { DbOrTrx } from '../platform/db.ts';
import type { Config } from '../platform/config.ts';
import { enqueue } from '../platform/jobs.ts';
import { sendOutboxEmail } from './outbox.jobs.ts';

export interface OutgoingEmail {
  workspaceId: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export async function queueEmail(db: DbOrTrx, config: Pick<Config, 'smtpUrl'>, email: OutgoingEmail): Promise<string> {
  const row = await db
    .insertInto('outbox_emails')
    .values({
      workspace_id: email.workspaceId,
      kind: email.kind,
      to_address: email.to,
      subject: email.subject,
      text_body: email.text,
      html_body: email.html ?? null,
      status: config.smtpUrl ? 'queued' : 'outbox_only',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (config.smtpUrl) {
    await enqueue(db, sendOutboxEmail, { emailId: row.id }, { workspaceId: email.workspaceId, dedupeKey: row.id });
  }
  return row.id;
}
