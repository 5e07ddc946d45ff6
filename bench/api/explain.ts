// EXPLAIN (ANALYZE, BUFFERS) of a captured query, summarised for the JSON report (which plan nodes,
// how long, how many pages read) with the full text kept for whoever investigates.
import type pg from 'pg';
import { round } from '../lib/measure.ts';
import type { CapturedQuery } from './load-sql.ts';

export interface PlanSummary {
  /** Plan nodes from the top, e.g. "Limit > Nested Loop Left Join > Index Scan Backward (contacts_created)". */
  shape: string;
  executionMs: number;
  planningMs: number;
  sharedHit: number;
  sharedRead: number;
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  'Relation Name'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

function describe(node: PlanNode): string {
  const backward = node['Scan Direction'] === 'Backward' ? ' Backward' : '';
  const target = node['Index Name'] ?? node['Relation Name'];
  const self = `${node['Node Type']}${backward}${target ? ` (${target})` : ''}`;
  const children = (node.Plans ?? []).map(describe);
  if (children.length === 0) return self;
  return children.length === 1 ? `${self} > ${children[0]}` : `${self} > [${children.join(' | ')}]`;
}

export async function explainQuery(pool: pg.Pool, query: CapturedQuery, keepText?: (text: string) => void): Promise<PlanSummary> {
  const params = query.parameters as unknown[];
  const { rows } = await pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }> }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`,
    params,
  );
  const [result] = rows[0]['QUERY PLAN'];
  if (keepText) {
    const text = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, params);
    keepText(`${query.sql}\n-- parameters: ${JSON.stringify(params)}\n${text.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
  }
  return {
    shape: describe(result.Plan),
    executionMs: round(result['Execution Time'], 2),
    planningMs: round(result['Planning Time'], 2),
    sharedHit: result.Plan['Shared Hit Blocks'] ?? 0,
    sharedRead: result.Plan['Shared Read Blocks'] ?? 0,
  };
}
