// SQL for sources and the write-key lookup of the ingest path.
import crypto from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { SourcesTable } from '../db-schema.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import type { Source } from './sources.schemas.ts';

export const sourceListSpec: ListSpec = {
  alias: 's',
  defaultSort: 'createdAt',
  fields: {
    name: { column: 'name', kind: 'text', sortable: true },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
  },
};

/** 32 URL-safe characters (192 bits): unguessable, and never contains the ':' Basic auth splits on. */
export function newWriteKey(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function installTag(baseUrl: string, writeKey: string): string {
  return `<script src="${baseUrl}/snippet.js" data-write-key="${writeKey}" async></script>`;
}

type Processing = Source['processing'];
const NOTHING_WAITING: Processing = { waitingEvents: 0, oldestWaitingAt: null, failedEvents: 0 };

/** What waits in the inbox per source: one grouped read of the workspace's inbox (rows live seconds). */
async function processingBySource(db: DbOrTrx, ws: string, ids: string[]): Promise<Map<string, Processing>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('tracking_inbox')
    .select([
      'source_id',
      sql<number>`coalesce(sum(event_count) FILTER (WHERE failed_at IS NULL), 0)::int`.as('waiting'),
      sql<Date | null>`min(received_at) FILTER (WHERE failed_at IS NULL)`.as('oldest'),
      sql<number>`coalesce(sum(event_count) FILTER (WHERE failed_at IS NOT NULL), 0)::int`.as('failed'),
    ])
    .where('workspace_id', '=', ws)
    .where('source_id', 'in', ids)
    .groupBy('source_id')
    .execute();
  return new Map(
    rows.map((r) => [r.source_id!, { waitingEvents: Number(r.waiting), oldestWaitingAt: r.oldest ? new Date(r.oldest) : null, failedEvents: Number(r.failed) }]),
  );
}

function toSource(row: Selectable<SourcesTable>, baseUrl: string, processing: Processing = NOTHING_WAITING): Source {
  return {
    id: row.id,
    name: row.name,
    writeKey: row.write_key,
    installTag: installTag(baseUrl, row.write_key),
    apiHost: baseUrl,
    eventCount: Number(row.event_count),
    lastEventAt: row.last_event_at,
    processing,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const live = (db: DbOrTrx, ws: string) =>
  db.selectFrom('sources as s').selectAll('s').where('s.workspace_id', '=', ws).where('s.deleted_at', 'is', null);

export async function listSources(db: DbOrTrx, ws: string, list: CompiledList, baseUrl: string) {
  let q = live(db, ws).select(list.sortValue.as('_sort'));
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  const page = rows.slice(0, list.limit);
  const processing = await processingBySource(db, ws, page.map((r) => r.id));
  return { data: page.map((r) => toSource(r, baseUrl, processing.get(r.id))), nextCursor: list.nextCursor(rows) };
}

export async function findSource(db: DbOrTrx, ws: string, id: string, baseUrl: string): Promise<Source | undefined> {
  const row = await live(db, ws).where('s.id', '=', id).executeTakeFirst();
  return row && toSource(row, baseUrl, (await processingBySource(db, ws, [id])).get(id));
}

export async function insertSource(db: DbOrTrx, ws: string, name: string): Promise<string> {
  const row = await db
    .insertInto('sources')
    .values({ workspace_id: ws, name, write_key: newWriteKey() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Returns the updated row's old write key (so the ingest cache can forget it), or undefined when not found. */
export async function updateSourceRow(
  db: DbOrTrx,
  ws: string,
  id: string,
  values: { name?: string; write_key?: string; deleted_at?: Date },
): Promise<string | undefined> {
  const row = await sql<{ old_key: string }>`
    UPDATE sources s SET
      name = coalesce(${values.name ?? null}, s.name),
      write_key = coalesce(${values.write_key ?? null}, s.write_key),
      deleted_at = ${values.deleted_at ?? null},
      updated_at = now()
    FROM sources old
    WHERE s.workspace_id = ${ws} AND s.id = ${id} AND s.deleted_at IS NULL
      AND old.workspace_id = s.workspace_id AND old.id = s.id
    RETURNING old.write_key AS old_key`.execute(db);
  return row.rows[0]?.old_key;
}

export interface WriteKeyOwner {
  workspaceId: string;
  sourceId: string;
}

/**
 * Write keys are checked on every ingest request, so lookups are cached for a few seconds (as API
 * keys are). A rotated or deleted key stops working at once in this process, within CACHE_MS in others.
 */
export class WriteKeyCache {
  private static readonly CACHE_MS = 5_000;
  private readonly entries = new Map<string, { owner: WriteKeyOwner | null; expiresAt: number }>();

  constructor(private readonly db: DbOrTrx) {}

  async resolve(writeKey: string): Promise<WriteKeyOwner | null> {
    const now = Date.now();
    const hit = this.entries.get(writeKey);
    if (hit && hit.expiresAt > now) return hit.owner;
    const row = await this.db
      .selectFrom('sources')
      .select(['workspace_id', 'id'])
      .where('write_key', '=', writeKey)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const owner = row ? { workspaceId: row.workspace_id, sourceId: row.id } : null;
    if (this.entries.size > 10_000) this.entries.clear(); // random keys must not grow the map forever
    this.entries.set(writeKey, { owner, expiresAt: now + WriteKeyCache.CACHE_MS });
    return owner;
  }

  forget(writeKey: string): void {
    this.entries.delete(writeKey);
  }
}
