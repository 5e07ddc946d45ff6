// Delivers an outbox email over SMTP. Idempotent: an email already marked sent is skipped, so a job
// that runs twice after a crash sends once (except in the narrow window between SMTP accepting the
// message and our update, where at-least-once delivery is the honest guarantee).
import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../platform/jobs.ts';

const payload = z.object({ emailId: z.uuid() });


const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

export const sendOutboxEmail = defineJob({
    name: 'outbox.send',
    payload,
    maxAttempts: 8,
    async handler({ db, job, app }, { emailId }) {
      const { config } = app;
      const email = await db
        .selectFrom('outbox_emails')
        .selectAll()
        .where('workspace_id', '=', job.workspace_id!)
        .where('id', '=', emailId)
        .executeTakeFirst();
      if (!email || email.status === 'sent' || !config.smtpUrl) return;
      try {
        await transportFor(config.smtpUrl).sendMail({
          from: config.mailFrom,
          to: email.to_address,
          subject: email.subject,
          text: email.text_body,
          html: email.html_body ?? undefined,
          messageId: `<${email.id}@tandem>`,
        });
      } catch (err) {
        const final = job.attempts >= job.max_attempts;
        await db
          .updateTable('outbox_emails')
          .set({ attempts: sql`attempts + 1`, last_error: String((err as Error).message).slice(0, 1000), status: final ? 'failed' : 'queued' })
          .where('workspace_id', '=', email.workspace_id)
          .where('id', '=', email.id)
          .execute();
        throw err;
      }
      await db
        .updateTable('outbox_emails')
        .set({ status: 'sent', sent_at: sql`now()`, attempts: sql`attempts + 1`, last_error: null })
        .where('workspace_id', '=', email.workspace_id)
        .where('id', '=', email.id)
        .execute();
    },
});
