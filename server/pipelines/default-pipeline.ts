// What a new workspace starts with: a "New business" pipeline and the usual win/loss reasons, so the
// board is usable on the first visit. (The deals migration wrote the same for workspaces that existed.)
import type { Trx } from '../platform/db.ts';
import type { StageType } from '../db-schema.ts';

export const DEFAULT_STAGES: ReadonlyArray<{ name: string; probability: number; type: StageType }> = [
  { name: 'Qualification', probability: 10, type: 'open' },
  { name: 'Discovery', probability: 20, type: 'open' },
  { name: 'Proposal', probability: 50, type: 'open' },
  { name: 'Negotiation', probability: 75, type: 'open' },
  { name: 'Closed won', probability: 100, type: 'won' },
  { name: 'Closed lost', probability: 0, type: 'lost' },
];

export const DEFAULT_CLOSE_REASONS: ReadonlyArray<{ kind: 'won' | 'lost'; label: string }> = [
  { kind: 'won', label: 'Best fit for their needs' },
  { kind: 'won', label: 'Price and value' },
  { kind: 'won', label: 'Relationship and trust' },
  { kind: 'won', label: 'Speed of implementation' },
  { kind: 'lost', label: 'Price too high' },
  { kind: 'lost', label: 'Lost to a competitor' },
  { kind: 'lost', label: 'No decision / went dark' },
  { kind: 'lost', label: 'Missing features' },
  { kind: 'lost', label: 'Bad timing' },
  { kind: 'lost', label: 'Not a fit' },
];

export async function createSalesDefaults(trx: Trx, workspaceId: string): Promise<void> {
  const pipeline = await trx
    .insertInto('pipelines')
    .values({ workspace_id: workspaceId, name: 'New business', position: 0, is_default: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('pipeline_stages')
    .values(DEFAULT_STAGES.map((s, position) => ({ workspace_id: workspaceId, pipeline_id: pipeline.id, position, ...s })))
    .execute();
  const positions = { won: 0, lost: 0 };
  await trx
    .insertInto('close_reasons')
    .values(DEFAULT_CLOSE_REASONS.map((r) => ({ workspace_id: workspaceId, kind: r.kind, label: r.label, position: positions[r.kind]++ })))
    .execute();
}
