import type { Db } from '../platform/db.ts';
import { initWorkspace } from '../workspaces/init-workspace.ts';

export interface DemoOptions {
  contacts: number;
  workspace: string;
  email: string;
  password: string;
  seed: number;
  log(message: string): void;
}

export async function seedDemo(db: Db, opts: DemoOptions) {
  return initWorkspace(db, { workspace: opts.workspace, email: opts.email, password: opts.password, name: 'Demo Admin' });
}
