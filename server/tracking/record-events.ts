// Recording events from server code (form submissions, later email clicks), synchronously in the
// caller's transaction: the events are stored (deduplicated by messageId), anonymousId is stitched to
// contactId, and touches are recorded, so they commit or roll back with the caller's own writes.
// Contract: docs/design/marketing-intake.md.
import crypto from 'node:crypto';
import type { Trx } from '../platform/db.ts';
import { processEvents, type ProcessOutcome } from './process-events.ts';
import type { TrackedEvent } from './tracked-event.ts';

export interface ServerEvent {
  type: 'track' | 'identify' | 'page';
  /** For track, e.g. 'Form Submitted'. */
  event?: string;
  /** An already-resolved contact. */
  contactId?: string | null;
  /** The visitor's tracking id (stitched to contactId when both are given). */
  anonymousId?: string | null;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context?: {
    page?: { url?: string; referrer?: string; title?: string };
    campaign?: Record<string, string>;
    ip?: string;
    userAgent?: string;
  };
  timestamp?: Date;
  /** Dedupe key; generated when absent. */
  messageId?: string;
}

export function toTrackedEvent(e: ServerEvent, now = new Date()): TrackedEvent {
  return {
    type: e.type,
    messageId: e.messageId ?? crypto.randomUUID(),
    timestamp: (e.timestamp ?? now).toISOString(),
    receivedAt: now.toISOString(),
    sourceId: null,
    anonymousId: e.anonymousId || null,
    userId: null,
    contactId: e.contactId ?? null,
    event: e.event ?? null,
    properties: e.properties ?? {},
    traits: e.traits ?? {},
    context: { ...e.context, library: { name: 'tandem-server' } },
    groupId: null,
    previousId: null,
  };
}

export async function recordServerEvents(trx: Trx, workspaceId: string, events: ServerEvent[]): Promise<ProcessOutcome> {
  const now = new Date();
  return processEvents(
    trx,
    workspaceId,
    events.map((e) => toTrackedEvent(e, now)),
  );
}
