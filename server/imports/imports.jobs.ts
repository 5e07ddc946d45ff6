import { z } from 'zod';
import { sql } from 'kysely';
import { defineJob } from '../platform/jobs.ts';
import { runImport as run } from './run-import.ts';

export const runImport = defineJob({
  name: 'imports.run',
  payload: z.object({ importId: z.uuid() }),
  maxAttempts: 3,
  leaseSeconds: 120,
  async handler({ db, job, heartbeat }, { importId }) {
    const workspaceId = job.workspace_id!;
    try {
      await run(db, workspaceId, importId, { heartbeat });
    } catch (err) {
      if (job.attempts >= job.max_attempts) {
        await db
          .updateTable('imports')
          .set({ status: 'failed', error: String((err as Error).message).slice(0, 1000), finished_at: sql`now()` })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', importId)
          .execute();
      }
      throw err;
    }
  },
});
