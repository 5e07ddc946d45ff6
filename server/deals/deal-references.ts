// Checks the ids a deal write names (owner, account, contacts, source campaign, parent deal) belong to
// the caller's workspace, so a bad or foreign id is a 400 naming the field, never a foreign-key error.
import type { DbOrTrx } from '../platform/db.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { checkReferences } from '../platform/references.ts';

export interface DealReferences {
  ownerId?: string | null;
  accountId?: string | null;
  sourceCampaignId?: string | null;
  parentDealId?: string | null;
  contacts?: Array<{ contactId: string }>;
  /** The deal being updated (a deal cannot be its own parent). */
  selfId?: string;
}

export async function dealReferenceErrors(db: DbOrTrx, workspaceId: string, refs: DealReferences): Promise<FieldError[]> {
  const errors = await checkReferences(db, workspaceId, {
    ownerIds: [{ path: 'ownerId', id: refs.ownerId }],
    accountIds: [{ path: 'accountId', id: refs.accountId }],
    contactIds: (refs.contacts ?? []).map((c, i) => ({ path: `contacts.${i}.contactId`, id: c.contactId })),
  });
  if (refs.sourceCampaignId) {
    const found = await db
      .selectFrom('campaigns')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', refs.sourceCampaignId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!found) errors.push({ path: 'sourceCampaignId', message: 'no such campaign in this workspace' });
  }
  if (refs.parentDealId) {
    if (refs.parentDealId === refs.selfId) errors.push({ path: 'parentDealId', message: 'a deal cannot be its own parent' });
    else {
      const found = await db
        .selectFrom('deals')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', refs.parentDealId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!found) errors.push({ path: 'parentDealId', message: 'no such deal in this workspace' });
    }
  }
  return errors;
}

export function failWith(errors: FieldError[]): never {
  throw new AppError('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
}
