// The kanban board of one pipeline: per live stage, the count, total and weighted amount of the
// deals matching the filters, and the first page of those deals (most recently moved first).
// Totals are one GROUP BY; the pages are one LATERAL query over the (stage, stage_changed_at) index.
// A column's next page: the same endpoint with `stageId` and that column's `nextCursor`.
import { z } from 'zod';
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import { compileList, listQuerySchema } from '../platform/list-query.ts';
import type { Pipeline } from '../pipelines/pipelines.schemas.ts';
import { pipelineSchema, stageSchema } from '../pipelines/pipelines.schemas.ts';
import { dealSchema } from './deals.schemas.ts';
import { dealListSpec, findDealsByIds, listDeals } from './deals.store.ts';

export const boardQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Deals per column, 1–100 (default 20).'),
  stageId: z.uuid({ message: 'must be a valid stage id' }).optional().describe('Only this column (for its next page).'),
  cursor: z.string().max(2000).optional().describe("A column's `nextCursor`; needs `stageId`."),
  q: listQuerySchema.shape.q,
  filter: listQuerySchema.shape.filter.describe('Same filters as GET /deals, e.g. `filter[ownerId]=…`, `filter[amount][gte]=1000`.'),
});

export const boardColumnSchema = z.object({
  stage: stageSchema,
  count: z.number().int(),
  amount: z.number().describe('Sum of the matching deals’ amounts.'),
  weightedAmount: z.number().describe('Sum of amount × stage probability.'),
  deals: z.array(dealSchema),
  nextCursor: z.string().nullable(),
});

export const boardSchema = z.object({ pipeline: pipelineSchema, columns: z.array(boardColumnSchema) }).meta({ id: 'DealBoard' });

type BoardQuery = z.output<typeof boardQuerySchema>;
type Column = z.output<typeof boardColumnSchema>;

export async function getBoard(
  db: DbOrTrx,
  workspaceId: string,
  pipeline: Pipeline,
  query: BoardQuery,
): Promise<z.output<typeof boardSchema>> {
  const list = compileList(
    dealListSpec,
    { filter: query.filter, q: query.q, sort: '-stageChangedAt', limit: query.limit, cursor: query.cursor, includeTotal: false },
    [],
  );
  const stages = query.stageId ? pipeline.stages.filter((s) => s.id === query.stageId) : pipeline.stages;
  const filters = list.where.length ? sql.join(list.where, sql` AND `) : sql`true`;

  const totals = await sql<{ stage_id: string; count: number; amount: number; weighted: number }>`
    SELECT d.stage_id, count(*) AS count, coalesce(sum(d.amount), 0) AS amount,
           coalesce(round(sum(d.amount * s.probability) / 100, 2), 0) AS weighted
    FROM deals d
    JOIN pipeline_stages s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
    WHERE d.workspace_id = ${workspaceId} AND d.pipeline_id = ${pipeline.id} AND d.deleted_at IS NULL
      AND d.stage_id = ANY(${stages.map((s) => s.id)}::uuid[]) AND ${filters}
    GROUP BY d.stage_id`.execute(db);
  const totalsByStage = new Map(totals.rows.map((t) => [t.stage_id, t]));

  const pages = new Map<string, { deals: Column['deals']; nextCursor: string | null }>();
  if (query.stageId) {
    for (const stage of stages) {
      const page = await listDeals(db, workspaceId, { ...list, where: [...list.where, sql<boolean>`d.stage_id = ${stage.id}::uuid`] });
      pages.set(stage.id, { deals: page.data, nextCursor: page.nextCursor });
    }
  } else if (stages.length) {
    const firsts = await sql<{ stage_id: string; id: string; _sort: unknown }>`
      SELECT s.id AS stage_id, x.id, x._sort
      FROM pipeline_stages s
      CROSS JOIN LATERAL (
        SELECT d.id, ${list.sortValue} AS _sort FROM deals d
        WHERE d.workspace_id = s.workspace_id AND d.stage_id = s.id AND d.deleted_at IS NULL AND ${filters}
        ORDER BY ${sql.join(list.orderBy)}
        LIMIT ${query.limit + 1}
      ) x
      WHERE s.workspace_id = ${workspaceId} AND s.id = ANY(${stages.map((s) => s.id)}::uuid[])`.execute(db);
    const deals = new Map(
      (
        await findDealsByIds(
          db,
          workspaceId,
          firsts.rows.map((r) => r.id),
        )
      ).map((d) => [d.id, d]),
    );
    for (const stage of stages) {
      // newest move first, as the lateral ordered them (an outer query need not keep that order)
      const rows = firsts.rows
        .filter((r) => r.stage_id === stage.id)
        .sort((a, b) => (String(a._sort) === String(b._sort) ? (a.id < b.id ? 1 : -1) : String(a._sort) < String(b._sort) ? 1 : -1));
      pages.set(stage.id, {
        deals: rows.slice(0, query.limit).flatMap((r) => deals.get(r.id) ?? []),
        nextCursor: list.nextCursor(rows),
      });
    }
  }

  return {
    pipeline,
    columns: stages.map((stage) => {
      const t = totalsByStage.get(stage.id);
      const page = pages.get(stage.id) ?? { deals: [], nextCursor: null };
      return { stage, count: Number(t?.count ?? 0), amount: Number(t?.amount ?? 0), weightedAmount: Number(t?.weighted ?? 0), ...page };
    }),
  };
}
