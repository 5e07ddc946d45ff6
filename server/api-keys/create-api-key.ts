import type { DbOrTrx } from '../platform/db.ts';
import type { Role } from '../db-schema.ts';
import { newToken, sha256 } from '../platform/auth/secrets.ts';

/** Used by the API and by `tandem init --json` (which prints an admin key for automation). */
export async function createApiKey(db: DbOrTrx, workspaceId: string, input: { name: string; role: Role; createdBy: string | null }) {
  const key = newToken('tdm_sk_', 24);
  const row = await db
    .insertInto('api_keys')
    .values({
      workspace_id: workspaceId,
      name: input.name,
      role: input.role,
      prefix: key.slice(0, 11),
      key_hash: sha256(key),
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, key };
}
