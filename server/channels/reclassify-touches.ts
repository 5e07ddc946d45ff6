// When a workspace's channel rules change, touches already recorded are given the channel the new
// rules say, so reports never mix two groupings. Walks the workspace's touches in primary-key order,
// a batch per transaction, and rewrites only the channels that changed (one UPDATE … FROM unnest per
// batch). Idempotent: a rerun after a crash recomputes the same channels. Each batch rereads the
// rules, so a job still running when the rules change again finishes with the newest ones.
import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob, enqueue } from '../platform/jobs.ts';
import type { Db, DbOrTrx } from '../platform/db.ts';
import { matchRules, storedTouchFields } from './classify-channel.ts';
import { readChannelRuleSet } from './channel-rules.store.ts';

const BATCH = 2000;

interface StoredTouch {
  id: string;
  kind: string;
  channel: string;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  content: string | null;
  term: string | null;
  referrer: string | null;
  landing_page: string | null;
  click_id_type: string | null;
}

/** Reclassifies one batch after `afterId`; returns the last id it read, or null at the end. */
export async function reclassifyBatch(
  db: Db,
  workspaceId: string,
  afterId: string | null,
): Promise<{ lastId: string | null; changed: number }> {
  const { rules } = await readChannelRuleSet(db, workspaceId);
  const { rows } = await sql<StoredTouch>`
    SELECT id, kind, channel, source, medium, campaign, content, term, referrer, landing_page, click_id_type
    FROM touches
    WHERE workspace_id = ${workspaceId} AND (${afterId}::uuid IS NULL OR id > ${afterId}::uuid)
    ORDER BY id
    LIMIT ${BATCH}`.execute(db);
  const changed: Array<{ id: string; channel: string }> = [];
  for (const t of rows) {
    const fields = storedTouchFields({ ...t, landingPage: t.landing_page, clickIdType: t.click_id_type });
    const { channel } = matchRules(rules, fields);
    if (channel !== t.channel) changed.push({ id: t.id, channel });
  }
  if (changed.length) {
    await sql`
      UPDATE touches t SET channel = u.channel
      FROM unnest(${changed.map((c) => c.id)}::uuid[], ${changed.map((c) => c.channel)}::text[]) AS u(id, channel)
      WHERE t.workspace_id = ${workspaceId} AND t.id = u.id`.execute(db);
  }
  return { lastId: rows.length === BATCH ? rows[rows.length - 1]!.id : null, changed: changed.length };
}

export const reclassifyTouches = defineJob({
  name: 'channels.reclassify-touches',
  payload: z.object({ workspaceId: z.uuid() }),
  leaseSeconds: 120,
  async handler({ db, heartbeat, log }, { workspaceId }) {
    let afterId: string | null = null;
    let total = 0;
    do {
      const batch = await reclassifyBatch(db, workspaceId, afterId);
      total += batch.changed;
      afterId = batch.lastId;
      await heartbeat();
    } while (afterId);
    log.info({ workspaceId, changed: total }, 'touches reclassified after a channel rule change');
  },
});

/**
 * Called in the transaction that changes the rules. A second pass a minute later catches touches
 * that other server processes recorded with the rules they still had cached (see channel-rules.store).
 */
export async function enqueueReclassify(trx: DbOrTrx, workspaceId: string): Promise<void> {
  await enqueue(trx, reclassifyTouches, { workspaceId }, { workspaceId });
  await enqueue(trx, reclassifyTouches, { workspaceId }, { workspaceId, runAt: new Date(Date.now() + 60_000) });
}
