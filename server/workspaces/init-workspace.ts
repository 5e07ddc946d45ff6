// `tandem init`: a workspace, its admin and an admin API key, for scripts that set Tandem up.
import type { Db } from '../platform/db.ts';
import { parseOrThrow } from '../platform/http.ts';
import { onboardingSchema } from '../users/users.schemas.ts';
import { createApiKey } from '../api-keys/create-api-key.ts';
import { createWorkspace } from './create-workspace.ts';

export async function initWorkspace(
  db: Db,
  opts: { workspace: string; email: string; password: string; name?: string },
): Promise<{ workspaceId: string; userId: string; apiKey: string }> {
  const input = parseOrThrow(
    onboardingSchema,
    { workspaceName: opts.workspace, email: opts.email, password: opts.password, name: opts.name ?? opts.email.split('@')[0] },
    'options',
  );
  return db.transaction().execute(async (trx) => {
    const ids = await createWorkspace(trx, input);
    const { key } = await createApiKey(trx, ids.workspaceId, { name: 'Created by tandem init', role: 'admin', createdBy: ids.userId });
    return { ...ids, apiKey: key };
  });
}
