// Last step: the per-field expression indexes the API would build for the custom fields (so sorting
// and filtering on them is fast from the first page), then fresh planner statistics for the tables
// that just grew. Steps added later should come before this one.
import { sql } from 'kysely';
import { enqueue } from '../../platform/jobs.ts';
import { buildCustomFieldIndex, createCustomFieldIndex } from '../../custom-fields/custom-fields.jobs.ts';
import { DEMO_FIELDS } from '../demo-fields.ts';
import type { SeedStep } from '../seed-context.ts';

export const indexesStep: SeedStep = {
  name: 'indexes',
  async run(ctx) {
    for (const field of DEMO_FIELDS) {
      const payload = { objectType: field.objectType, key: field.key };
      try {
        // what the job does, done here: the `tandem demo` process has no worker
        await buildCustomFieldIndex(ctx.db, field.objectType, field.key);
      } catch (err) {
        // e.g. a server's worker building the same shared index right now: leave it to the queue
        ctx.log(`  index on ${field.objectType} ${field.key} left to the job queue (${err instanceof Error ? err.message : String(err)})`);
        await enqueue(ctx.db, createCustomFieldIndex, payload, { workspaceId: null, dedupeKey: `${field.objectType}:${field.key}` });
      }
    }
    await sql`ANALYZE contacts, accounts, notes`.execute(ctx.db);
  },
};
