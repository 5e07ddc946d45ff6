// The `Form Submitted` event of a submission, recorded through the tracking domain in the
// submission's transaction: it stitches the visitor's anonymous history to the contact and becomes a
// touch of kind `form` carrying the page's UTMs (Segment's context.campaign names them).
import type { Trx } from '../platform/db.ts';
import { recordServerEvents } from '../tracking/record-events.ts';
import type { FormRow } from './forms.store.ts';
import type { SubmissionInput } from './forms.schemas.ts';
import type { Visitor } from './submit-form.ts';

export async function recordFormSubmitted(
  trx: Trx,
  workspaceId: string,
  s: { form: FormRow; submissionId: string; contactId: string; input: SubmissionInput; utm: Record<string, string>; visitor: Visitor; at: Date },
): Promise<void> {
  const { utm } = s;
  const campaign: Record<string, string> = {};
  if (utm.source) campaign.source = utm.source;
  if (utm.medium) campaign.medium = utm.medium;
  if (utm.campaign) campaign.name = utm.campaign;
  if (utm.content) campaign.content = utm.content;
  if (utm.term) campaign.term = utm.term;
  await recordServerEvents(trx, workspaceId, [
    {
      type: 'track',
      event: 'Form Submitted',
      contactId: s.contactId,
      anonymousId: s.input.anonymousId ?? null,
      properties: { formId: s.form.id, formName: s.form.name, submissionId: s.submissionId },
      context: {
        page: { url: s.input.pageUrl ?? `${s.visitor.baseUrl}/f/${s.form.id}`, ...(s.input.referrer ? { referrer: s.input.referrer } : {}) },
        ...(Object.keys(campaign).length ? { campaign } : {}),
        ...(s.visitor.ip ? { ip: s.visitor.ip } : {}),
        ...(s.visitor.userAgent ? { userAgent: s.visitor.userAgent } : {}),
      },
      timestamp: s.at,
      // one event per submission, whatever retries happen
      messageId: `form-submission-${s.submissionId}`,
    },
  ]);
}
