// Checks that ids a client sends (account, owner, contact) exist in the caller's workspace, so a
// bad or foreign id is a 400 naming the field rather than a foreign-key error or a cross-tenant link.
import type { DbOrTrx } from './db.ts';
import type { FieldError } from './errors.ts';

export interface ReferenceCheck {
  accountIds?: Array<{ path: string; id: string | null | undefined }>;
  ownerIds?: Array<{ path: string; id: string | null | undefined }>;
  contactIds?: Array<{ path: string; id: string | null | undefined }>;
}

export async function checkReferences(db: DbOrTrx, workspaceId: string, check: ReferenceCheck): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const verify = async (
    refs: ReferenceCheck['accountIds'],
    find: (ids: string[]) => Promise<string[]>,
    message: string,
  ) => {
    const wanted = (refs ?? []).filter((r): r is { path: string; id: string } => !!r.id);
    if (wanted.length === 0) return;
    const found = new Set(await find([...new Set(wanted.map((r) => r.id))]));
    for (const r of wanted) if (!found.has(r.id)) errors.push({ path: r.path, message });
  };
  await verify(
    check.accountIds,
    async (ids) =>
      (await db.selectFrom('accounts').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).where('deleted_at', 'is', null).execute()).map((r) => r.id),
    'no such account in this workspace',
  );
  await verify(
    check.ownerIds,
    async (ids) =>
      (await db.selectFrom('members').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', 'in', ids).where('status', '=', 'active').execute()).map((r) => r.user_id),
    'no such active user in this workspace',
  );
  await verify(
    check.contactIds,
    async (ids) =>
      (await db.selectFrom('contacts').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).where('deleted_at', 'is', null).execute()).map((r) => r.id),
    'no such contact in this workspace',
  );
  return errors;
}
