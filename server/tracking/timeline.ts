// The contact and account timelines: newest-first items from several sources (visits, touches,
// events, notes, and whatever later issues register), merged and paginated with one keyset cursor
// on (time, id). Each source pages itself on the same keyset, so page N costs what page 1 does.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { UUID } from '../platform/list-query.ts';
import type { TimelineItem } from './timeline.schemas.ts';

export interface TimelineScope {
  workspaceId: string;
  /** The condition "this contact id column belongs to the timeline". */
  contacts(column: RawBuilder<unknown>): RawBuilder<boolean>;
  /** Set on an account's timeline, for records attached to the account itself (its notes). */
  accountId: string | null;
}

export interface TimelineCursor {
  /** ISO 8601 with microseconds, UTC: compares as text the way the timestamps compare. */
  at: string;
  id: string;
}

export type SortableItem = TimelineItem & { sortAt: string };

export interface TimelineFetch {
  kinds: ReadonlySet<string>;
  before: TimelineCursor | null;
  /** Return at most this many, newest first. */
  limit: number;
}

/** A source of timeline items: the kinds it makes and how to read a page of them. */
export interface TimelineSource {
  kinds: readonly string[];
  fetch(db: DbOrTrx, scope: TimelineScope, opts: TimelineFetch): Promise<SortableItem[]>;
}

/** `to_char` of a timestamp as the cursor's text form. */
export function sortAtOf(column: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The keyset condition for a source's (time, id) columns. */
export function before(at: RawBuilder<unknown>, id: RawBuilder<unknown>, cursor: TimelineCursor | null): RawBuilder<boolean> {
  return cursor ? sql<boolean>`(${at}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql<boolean>`true`;
}

export function contactScope(workspaceId: string, contactId: string): TimelineScope {
  return { workspaceId, accountId: null, contacts: (column) => sql<boolean>`${column} = ${contactId}::uuid` };
}

export function accountScope(workspaceId: string, accountId: string): TimelineScope {
  return {
    workspaceId,
    accountId,
    contacts: (column) =>
      sql<boolean>`${column} IN (SELECT c.id FROM contacts c
        WHERE c.workspace_id = ${workspaceId} AND c.account_id = ${accountId}::uuid AND c.deleted_at IS NULL)`,
  };
}

function encodeCursor(c: TimelineCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string): TimelineCursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as TimelineCursor;
    if (
      typeof c.at === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(c.at) &&
      typeof c.id === 'string' &&
      UUID.test(c.id)
    )
      return c;
  } catch {
    // falls through to the error below
  }
  throw new AppError('invalid_cursor', 'The cursor is not valid. Use the nextCursor value from the previous page.', [
    { path: 'cursor', message: 'is not a valid cursor' },
  ]);
}

export function parseKinds(sources: TimelineSource[], raw: string | { in: string } | undefined): Set<string> {
  const all = sources.flatMap((s) => s.kinds);
  if (raw === undefined) return new Set(all);
  const wanted = (typeof raw === 'string' ? raw : raw.in)
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = wanted.filter((k) => !all.includes(k));
  if (unknown.length || wanted.length === 0) {
    throw AppError.invalid('filter[kind]', `unknown kind "${unknown[0] ?? ''}"; kinds: ${all.join(', ')}`);
  }
  return new Set(wanted);
}

export async function readTimeline(
  db: DbOrTrx,
  sources: TimelineSource[],
  scope: TimelineScope,
  query: { limit: number; cursor?: string; kinds: Set<string> },
): Promise<{ data: TimelineItem[]; nextCursor: string | null }> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const wanted = sources.filter((s) => s.kinds.some((k) => query.kinds.has(k)));
  // each source returns one more than a page, so "is there more" is known without counting
  const pages = await Promise.all(wanted.map((s) => s.fetch(db, scope, { kinds: query.kinds, before: cursor, limit: query.limit + 1 })));
  const merged = pages.flat().sort((a, b) => (a.sortAt === b.sortAt ? (a.id < b.id ? 1 : -1) : a.sortAt < b.sortAt ? 1 : -1));
  const page = merged.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    data: page.map(({ sortAt: _sortAt, ...item }) => item),
    nextCursor: merged.length > query.limit && last ? encodeCursor({ at: last.sortAt, id: last.id }) : null,
  };
}
