// A new workspace and its first admin. Used by onboarding in the web app, `tandem init` and
// `tandem demo`. An email that already has an identity joins with its existing password.
import { AppError } from '../platform/errors.ts';
import type { Trx } from '../platform/db.ts';
import { hashPassword, verifyPassword } from '../platform/auth/secrets.ts';
import { createSalesDefaults } from '../pipelines/default-pipeline.ts';

export interface NewWorkspace {
  workspaceName: string;
  name: string;
  email: string;
  password: string;
}

export async function createWorkspace(trx: Trx, input: NewWorkspace): Promise<{ workspaceId: string; userId: string }> {
  const workspace = await trx.insertInto('workspaces').values({ name: input.workspaceName }).returning('id').executeTakeFirstOrThrow();
  const email = input.email.trim().toLowerCase();
  const existing = await trx.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
  let userId: string;
  if (existing) {
    if (existing.password_hash && !(await verifyPassword(input.password, existing.password_hash))) {
      throw AppError.invalid('password', `${email} already has a Tandem login; use its password to add a workspace`, 'invalid_credentials');
    }
    if (!existing.password_hash) {
      await trx.updateTable('users').set({ password_hash: await hashPassword(input.password), name: input.name }).where('id', '=', existing.id).execute();
    }
    userId = existing.id;
  } else {
    const user = await trx
      .insertInto('users')
      .values({ email, name: input.name, password_hash: await hashPassword(input.password) })
      .returning('id')
      .executeTakeFirstOrThrow();
    userId = user.id;
  }
  await trx.insertInto('members').values({ workspace_id: workspace.id, user_id: userId, role: 'admin' }).execute();
  await createSalesDefaults(trx, workspace.id);
  return { workspaceId: workspace.id, userId };
}
