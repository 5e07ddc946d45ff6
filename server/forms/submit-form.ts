// A visitor submits a form. Everything happens in one transaction, so a rejected submission writes
// nothing: the contact is upserted by email, raised to at least `lead`, linked to its company; the
// submission and the consent are stored; the emails go to the outbox; the event and touch are
// recorded through the tracking domain.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../platform/context.ts';
import type { Trx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { newToken, sha256 } from '../platform/auth/secrets.ts';
import { listCustomFields } from '../custom-fields/custom-fields.store.ts';
import { upsertContacts } from '../contacts/upsert-contacts.ts';
import { ensureAccountsByDomain, ensureAccountsByName } from '../accounts/ensure-accounts.ts';
import { companyDomainOfEmail } from '../accounts/domains.ts';
import type { FormRow } from './forms.store.ts';
import type { SubmissionInput, SubmissionResult } from './forms.schemas.ts';
import { liveFields, type CheckedField } from './form-fields.ts';
import { checkSubmission } from './submission-values.ts';
import { queueConfirmation, queueNotifications } from './form-emails.ts';
import { recordFormSubmitted } from './record-form-event.ts';

export interface Visitor {
  ip: string | null;
  userAgent: string | null;
  /** Where links in emails point (PUBLIC_URL, or the host the request came to). */
  baseUrl: string;
}

const UTM_KEYS = ['source', 'medium', 'campaign', 'content', 'term'] as const;

/** The UTMs sent explicitly, else those in the page URL's query. */
export function utmOf(input: Pick<SubmissionInput, 'utm' | 'pageUrl'>): Record<string, string> {
  const out: Record<string, string> = {};
  let query: URLSearchParams | undefined;
  try {
    query = input.pageUrl ? new URL(input.pageUrl).searchParams : undefined;
  } catch {
    query = undefined;
  }
  for (const k of UTM_KEYS) {
    const v = input.utm?.[k] ?? query?.get(`utm_${k}`) ?? undefined;
    if (v) out[k] = v.slice(0, 500);
  }
  return out;
}

export async function submitForm(ctx: AppContext, form: FormRow, input: SubmissionInput, visitor: Visitor): Promise<SubmissionResult> {
  if (form.status !== 'active') throw new AppError('conflict', 'This form is not accepting submissions at the moment.');
  const result = (status: SubmissionResult['status'], id: string): SubmissionResult => ({
    id,
    status,
    confirmationRequired: status === 'pending_confirmation',
    thankYouMessage: form.thank_you_message,
    redirectUrl: form.redirect_url,
  });
  // a bot filled the hidden field: answer as if all went well, keep nothing
  if (input.honeypot?.trim()) return result(form.double_opt_in ? 'pending_confirmation' : 'confirmed', crypto.randomUUID());

  return ctx.db.transaction().execute(async (trx) => {
    const ws = form.workspace_id;
    const customFields = await listCustomFields(trx, ws, 'contact');
    const fields = liveFields(form.fields as CheckedField[], customFields);
    const checked = checkSubmission(fields, customFields, input.fields, { text: form.consent_text, required: form.consent_required }, input.consent);
    if (checked.errors.length) {
      throw new AppError('validation_failed', checked.errors.map((e) => `${e.path} ${e.message}`).join('; '), checked.errors);
    }

    const [contact] = await upsertContacts(trx, ws, [
      { email: checked.email, ...checked.contact, ...(Object.keys(checked.customFields).length && { custom_fields: checked.customFields }) },
    ]);
    await raiseToLead(trx, ws, contact.id);
    if (checked.company) await linkCompany(trx, ws, contact.id, checked.email, checked.company);

    const token = form.double_opt_in ? newToken('', 24) : null;
    const status = token ? 'pending_confirmation' : 'confirmed';
    const utm = utmOf(input);
    const submission = await trx
      .insertInto('form_submissions')
      .values({
        workspace_id: ws,
        form_id: form.id,
        contact_id: contact.id,
        values: JSON.stringify(checked.values),
        anonymous_id: input.anonymousId || null,
        page_url: input.pageUrl || null,
        referrer: input.referrer || null,
        utm: JSON.stringify(utm),
        ip: visitor.ip,
        user_agent: visitor.userAgent?.slice(0, 1000) ?? null,
        status,
        confirm_token_hash: token ? sha256(token) : null,
        confirmed_at: token ? null : sql<Date>`now()`,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();

    if (checked.consentGiven) {
      await trx
        .insertInto('consents')
        .values({
          workspace_id: ws,
          contact_id: contact.id,
          kind: 'marketing_email',
          granted: true,
          text: form.consent_text!,
          source_type: 'form',
          source_id: form.id,
          source_url: input.pageUrl || `${visitor.baseUrl}/f/${form.id}`,
          submission_id: submission.id,
          ip: visitor.ip,
          user_agent: visitor.userAgent?.slice(0, 1000) ?? null,
          double_opt_in: !!token,
          confirmed_at: token ? null : sql<Date>`now()`,
        })
        .execute();
    }

    if (token) {
      const workspace = await trx.selectFrom('workspaces').select('name').where('id', '=', ws).executeTakeFirstOrThrow();
      await queueConfirmation(trx, ctx.config, {
        workspaceId: ws,
        workspaceName: workspace.name,
        to: checked.email,
        firstName: checked.contact.first_name ?? null,
        formName: form.name,
        confirmUrl: `${visitor.baseUrl}/f/confirm/${token}`,
      });
    }
    await queueNotifications(trx, ctx.config, {
      workspaceId: ws,
      recipients: form.notification_emails,
      formName: form.name,
      fields,
      values: checked.values,
      consent: checked.consentGiven ? form.consent_text : null,
      pageUrl: input.pageUrl ?? null,
      contactUrl: `${visitor.baseUrl}/contacts/${contact.id}`,
    });
    await recordFormSubmitted(trx, ws, { form, submissionId: submission.id, contactId: contact.id, input, utm, visitor, at: submission.created_at });
    return result(status, submission.id);
  });
}

/** Lifecycle at least `lead`: an unset stage or a subscriber moves up, a later stage stays. */
async function raiseToLead(trx: Trx, workspaceId: string, contactId: string): Promise<void> {
  await sql`
    UPDATE contacts SET lifecycle_stage = 'lead', updated_at = now()
    WHERE workspace_id = ${workspaceId} AND id = ${contactId} AND (lifecycle_stage IS NULL OR lifecycle_stage = 'subscriber')`.execute(trx);
}

/** A contact without an account joins the one of its email domain, or of the company name given. */
async function linkCompany(trx: Trx, workspaceId: string, contactId: string, email: string, company: string): Promise<void> {
  const linked = await sql<{ id: string }>`
    SELECT a.id FROM contacts c JOIN accounts a ON a.workspace_id = c.workspace_id AND a.id = c.account_id AND a.deleted_at IS NULL
    WHERE c.workspace_id = ${workspaceId} AND c.id = ${contactId}`.execute(trx);
  if (linked.rows.length) return;
  const domain = companyDomainOfEmail(email);
  const accountId = domain
    ? (await ensureAccountsByDomain(trx, workspaceId, [{ domain, name: company }])).get(domain)
    : (await ensureAccountsByName(trx, workspaceId, [company])).get(company.toLowerCase());
  if (!accountId) return;
  await trx
    .updateTable('contacts')
    .set({ account_id: accountId, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .execute();
}
