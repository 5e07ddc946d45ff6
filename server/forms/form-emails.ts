// The emails a submission causes, written to the outbox in the submission's transaction (delivered
// by the outbox job when SMTP is configured): the team's notification and the double opt-in link.
import type { Trx } from '../platform/db.ts';
import type { Config } from '../platform/config.ts';
import { queueEmail } from '../outbox/outbox.ts';
import { html, paragraphs } from './html.ts';
import type { CheckedField } from './form-fields.ts';

function displayValue(v: unknown): string {
  if (Array.isArray(v)) return v.join(', ');
  if (v === true) return 'Yes';
  return String(v);
}

export async function queueNotifications(
  trx: Trx,
  config: Pick<Config, 'smtpUrl'>,
  n: {
    workspaceId: string;
    recipients: string[];
    formName: string;
    fields: CheckedField[];
    values: Record<string, unknown>;
    consent: string | null;
    pageUrl: string | null;
    contactUrl: string;
  },
): Promise<void> {
  if (n.recipients.length === 0) return;
  const lines = n.fields.filter((f) => n.values[f.property] !== undefined).map((f) => `${f.label}: ${displayValue(n.values[f.property])}`);
  if (n.consent) lines.push(`Consent: given ("${n.consent}")`);
  if (n.pageUrl) lines.push(`Page: ${n.pageUrl}`);
  const text = `New submission to "${n.formName}"\n\n${lines.join('\n')}\n\nOpen the contact: ${n.contactUrl}\n`;
  for (const to of n.recipients) {
    await queueEmail(trx, config, {
      workspaceId: n.workspaceId,
      kind: 'form_notification',
      to,
      subject: `New submission: ${n.formName}`,
      text,
    });
  }
}

export async function queueConfirmation(
  trx: Trx,
  config: Pick<Config, 'smtpUrl'>,
  c: { workspaceId: string; workspaceName: string; to: string; firstName: string | null; formName: string; confirmUrl: string },
): Promise<void> {
  const text =
    `Hi ${c.firstName ?? 'there'},\n\n` +
    `Please confirm your email address for ${c.workspaceName} by opening this link:\n${c.confirmUrl}\n\n` +
    `If you did not fill in "${c.formName}", ignore this email and nothing more will happen.\n`;
  const body = html`<div style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:15px;line-height:1.5;color:#1f2330;max-width:520px">
${paragraphs(`Hi ${c.firstName ?? 'there'},\n\nPlease confirm your email address for ${c.workspaceName}.`)}
<p><a href="${c.confirmUrl}" style="display:inline-block;background:#4059d8;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600">Confirm my email</a></p>
${paragraphs(`If you did not fill in "${c.formName}", ignore this email and nothing more will happen.`)}
</div>`;
  await queueEmail(trx, config, {
    workspaceId: c.workspaceId,
    kind: 'form_confirmation',
    to: c.to,
    subject: `Please confirm your email for ${c.workspaceName}`,
    text,
    html: body.value,
  });
}
