// The tracking pipeline for one batch of events, inside one transaction, set-based: a fixed number of
// statements per batch whatever its size. Used by the inbox job (events from /v1) and by
// recordServerEvents (events from server code, in the caller's transaction).
//   1. dedupe by messageId (receipts)      4. visits (30-minute rule) for page and screen views
//   2. partitions for the batch's months   5. the events themselves
//   3. identities (identify/alias/group)   6. touches, campaigns, stitching of anonymous history
import crypto from 'node:crypto';
import type { Trx } from '../platform/db.ts';
import { loadChannelRules } from '../channels/channel-rules.store.ts';
import { claimMessageIds, countSourceEvents, insertEvents } from './events.store.ts';
import { ensureEventPartitions } from './event-partitions.ts';
import { resolveIdentities } from './resolve-identities.ts';
import { sessionize, type PageView } from './sessionize.ts';
import { loadRecentVisits, writeVisits } from './visits.store.ts';
import { deriveTouches, type StoredEvent } from './derive-touches.ts';
import { insertTouches } from './touches.store.ts';
import { stitchHistory } from './stitch-history.ts';
import { pageOf, visitorOf, type TrackedEvent } from './tracked-event.ts';

export interface ProcessOutcome {
  stored: number;
  duplicates: number;
  touches: number;
}

export async function processEvents(trx: Trx, ws: string, input: TrackedEvent[]): Promise<ProcessOutcome> {
  const firstOfEach = new Map<string, TrackedEvent>();
  for (const e of input) if (!firstOfEach.has(e.messageId)) firstOfEach.set(e.messageId, e);
  const fresh = await claimMessageIds(trx, ws, [...firstOfEach.values()]);
  const events = [...firstOfEach.values()].filter((e) => fresh.has(e.messageId));
  if (events.length === 0) return { stored: 0, duplicates: input.length, touches: 0 };

  await ensureEventPartitions(
    trx,
    events.map((e) => new Date(e.timestamp)),
  );
  const identity = await resolveIdentities(trx, ws, events);

  const views: PageView[] = [];
  events.forEach((e, index) => {
    const visitor = visitorOf(e);
    if ((e.type === 'page' || e.type === 'screen') && visitor) {
      const page = pageOf(e);
      views.push({ index, visitor, at: Date.parse(e.timestamp), url: page.url, referrer: page.referrer });
    }
  });
  const visitors = [...new Set(views.map((v) => v.visitor))];
  const previous = await loadRecentVisits(trx, ws, visitors, Math.min(...views.map((v) => v.at)));
  const visits = sessionize(views, previous, () => crypto.randomUUID());
  const contactOfVisitor = new Map<string, string>();
  for (const v of views) {
    const c = identity.contactIds[v.index];
    if (c) contactOfVisitor.set(v.visitor, c);
  }
  await writeVisits(trx, ws, visits.created, visits.extended, contactOfVisitor);

  const stored: StoredEvent[] = events.map((event, i) => ({
    id: crypto.randomUUID(),
    event,
    contactId: identity.contactIds[i],
    visitId: visits.visitOf.get(i) ?? null,
    entry: visits.entries.has(i),
  }));
  await insertEvents(trx, ws, stored);

  const candidates = stored.filter((s) => s.event.type === 'page' || s.event.type === 'track');
  const touches = candidates.length ? deriveTouches(candidates, await loadChannelRules(trx, ws)) : [];
  await insertTouches(trx, ws, touches);
  await stitchHistory(trx, ws, identity.linked);
  await countSourceEvents(trx, ws, events);
  return { stored: events.length, duplicates: input.length - events.length, touches: touches.length };
}
