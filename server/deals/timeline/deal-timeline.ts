// A deal's timeline: items from every registered source (stage history, notes, and what other
// modules add, see sources.ts) merged newest first. Each source answers "your newest `limit` items
// before this point"; the merge keeps the newest `limit` of all. The cursor is the last item's
// (time with microseconds, kind:id), so equal timestamps neither repeat nor skip.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { DealTimelineItem, DealTimelineQuery } from './deal-timeline.schemas.ts';

export interface TimelinePoint {
  /** ISO 8601 UTC with microseconds (see SORT_AT). */
  at: string;
  /** `${kind}:${id}` */
  key: string;
}

export interface TimelineEntry extends DealTimelineItem {
  sortAt: string;
}

export interface DealTimelineSource {
  /** The kinds this source yields; skipped when a kind filter excludes all of them. */
  kinds: readonly string[];
  /**
   * This source's items for the deal, newest first, strictly before `before` (use beforePoint),
   * at most `limit`, of the given kinds when `kinds` is set.
   */
  list(
    db: DbOrTrx,
    workspaceId: string,
    dealId: string,
    page: { before?: TimelinePoint; limit: number; kinds: ReadonlySet<string> | null },
  ): Promise<TimelineEntry[]>;
}

/** A timestamp column as sortable text: lexical order is time order. */
export const sortAt = (column: RawBuilder<unknown> | ReturnType<typeof sql.ref>) =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** SQL for "(time, key) is before the cursor" in the same order the merge uses (byte order keys). */
export function beforePoint(
  time: ReturnType<typeof sql.ref>,
  key: RawBuilder<unknown>,
  before: TimelinePoint | undefined,
): RawBuilder<boolean> {
  if (!before) return sql<boolean>`true`;
  return sql<boolean>`(${time} < ${before.at}::timestamptz OR (${time} = ${before.at}::timestamptz AND (${key}) COLLATE "C" < ${before.key} COLLATE "C"))`;
}

const keyOf = (e: TimelineEntry) => `${e.kind}:${e.id}`;
const newestFirst = (a: TimelineEntry, b: TimelineEntry) =>
  a.sortAt === b.sortAt ? (keyOf(a) < keyOf(b) ? 1 : keyOf(a) > keyOf(b) ? -1 : 0) : a.sortAt < b.sortAt ? 1 : -1;

function decodeCursor(cursor: string): TimelinePoint {
  try {
    const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as TimelinePoint;
    if (typeof p.at === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(p.at) && typeof p.key === 'string' && p.key.length < 200) return p;
  } catch {
    // fall through
  }
  throw new AppError('invalid_cursor', 'The cursor is not valid. Use the nextCursor value from the previous page.', [
    { path: 'cursor', message: 'is not a valid cursor' },
  ]);
}

function kindFilter(query: DealTimelineQuery): Set<string> | null {
  const raw = query.filter?.kind;
  if (raw === undefined) return null;
  const list = typeof raw === 'string' ? raw : raw.in;
  return new Set(
    list
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  );
}

export async function dealTimeline(
  db: DbOrTrx,
  sources: readonly DealTimelineSource[],
  workspaceId: string,
  dealId: string,
  query: DealTimelineQuery,
): Promise<{ data: DealTimelineItem[]; nextCursor: string | null }> {
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  const kinds = kindFilter(query);
  const active = sources.filter((s) => !kinds || s.kinds.some((k) => kinds.has(k)));
  const pages = await Promise.all(active.map((s) => s.list(db, workspaceId, dealId, { before, limit: query.limit + 1, kinds })));
  const merged = pages
    .flat()
    .filter((e) => !kinds || kinds.has(e.kind))
    .sort(newestFirst);
  const page = merged.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    merged.length > query.limit && last ? Buffer.from(JSON.stringify({ at: last.sortAt, key: keyOf(last) })).toString('base64url') : null;
  return { data: page.map(({ sortAt: _s, ...item }) => item), nextCursor };
}
