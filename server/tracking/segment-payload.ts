// Validation of Segment HTTP Tracking API payloads (track, identify, page, screen, group, alias and
// batch), into TrackedEvents. Lenient where Segment is: unknown fields (_metadata, version, channel,
// ...) are accepted and dropped. A client's clock skew is corrected as Segment does: with `sentAt`
// (the client's clock when it sent the request) the stored time is receivedAt − (sentAt − timestamp). Strict where storage needs it: ids and names have a length,
// objects are objects, a timestamp is a date, text holds no NUL or broken UTF-16.
//
// Hand-written rather than zod: this runs for every ingested event (tens of thousands a second), and
// one pass over the event that also sizes it cost a fraction of a schema parse plus a JSON.stringify.
import crypto from 'node:crypto';
import type { FieldError } from '../platform/errors.ts';
import type { EventType } from '../db-schema.ts';
import type { TrackedEvent } from './tracked-event.ts';

export const EVENT_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;
/** Segment's documented limits. */
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;
/** Timestamps further ahead than this are client clock errors: the receive time is used instead. */
const MAX_FUTURE_MS = 24 * 3600 * 1000;
/** JSON can take 6 bytes per character (\u0001); below this many characters an event cannot reach 32 KB. */
const SURELY_SMALL_CHARS = Math.floor(MAX_EVENT_BYTES / 6);

/** Fields a type cannot do without. */
const REQUIRED: Partial<Record<EventType, Array<'event' | 'groupId' | 'previousId' | 'userId'>>> = {
  track: ['event'],
  group: ['groupId'],
  alias: ['previousId', 'userId'],
};

export interface ParseContext {
  sourceId: string;
  receivedAt: Date;
  /** receivedAt as ISO text, formatted once per request. */
  receivedAtIso?: string;
  /** Events older than this are refused (they would fall in a dropped partition). */
  oldestAllowed: Date | null;
  /** Filled into context.ip when the client did not say, as Segment does. */
  ip?: string;
  /** The batch's `sentAt` (a message's own one wins). */
  sentAt?: unknown;
}

export type ParsedEvent = { ok: true; event: TrackedEvent } | { ok: false; errors: FieldError[]; messageId: string | null };

type Raw = Record<string, unknown>;

/** A field's value read with `read`; a problem is recorded and null returned. Absent or null is null. */
function field<T>(raw: Raw, name: string, read: (v: unknown) => T | Error, errors: FieldError[], prefix: string): T | null {
  const v = raw[name];
  if (v === undefined || v === null) return null;
  const out = read(v);
  if (out instanceof Error) {
    errors.push({ path: prefix ? `${prefix}.${name}` : name, message: out.message });
    return null;
  }
  return out;
}

// Helpers live at module level: this runs per event, and per-call closures cost (tsx names each one).
function failed(errors: FieldError[], raw: unknown): ParsedEvent {
  return { ok: false, errors, messageId: isObject(raw) && typeof raw.messageId === 'string' ? raw.messageId : null };
}

/** Validates one event; `prefix` is its path in the request ("batch.3") for error messages. */
export function parseSegmentEvent(raw: unknown, type: EventType | undefined, ctx: ParseContext, prefix = ''): ParsedEvent {
  const root = prefix || '(root)';
  const errors: FieldError[] = [];
  if (!isObject(raw)) return failed([{ path: root, message: 'must be an object' }], raw);

  const kind = type ?? raw.type;
  if (typeof kind !== 'string' || !(EVENT_TYPES as readonly string[]).includes(kind)) {
    return failed([{ path: prefix ? `${prefix}.type` : 'type', message: `must be one of ${EVENT_TYPES.join(', ')}` }], raw);
  }
  const walk = { chars: 0, bad: false };
  measure(raw, 0, walk);
  if (walk.chars > SURELY_SMALL_CHARS) {
    const size = Buffer.byteLength(JSON.stringify(raw));
    if (size > MAX_EVENT_BYTES)
      return failed([{ path: root, message: `is ${Math.ceil(size / 1024)} KB; an event may be at most 32 KB` }], raw);
  }
  if (walk.bad) {
    const path = badPath(raw, '') ?? '(root)';
    return failed([{ path: prefix ? `${prefix}.${path}` : path, message: 'contains a NUL character or invalid UTF-16' }], raw);
  }

  const userId = field(raw, 'userId', id, errors, prefix);
  const anonymousId = field(raw, 'anonymousId', id, errors, prefix);
  const messageIdValue = field(raw, 'messageId', messageIdText, errors, prefix);
  const timestamp = field(raw, 'timestamp', isoDate, errors, prefix);
  const sentAt = raw.sentAt != null ? field(raw, 'sentAt', isoDate, errors, prefix) : ctx.sentAt != null ? isoDate(ctx.sentAt) : null;
  const context = field(raw, 'context', object, errors, prefix);
  field(raw, 'integrations', object, errors, prefix);
  const properties = field(raw, 'properties', object, errors, prefix);
  const traits = field(raw, 'traits', object, errors, prefix);
  const name =
    kind === 'track'
      ? field(raw, 'event', text200, errors, prefix)
      : kind === 'page' || kind === 'screen'
        ? field(raw, 'name', text200, errors, prefix)
        : null;
  const groupId = kind === 'group' ? field(raw, 'groupId', id, errors, prefix) : null;
  const previousId = kind === 'alias' ? field(raw, 'previousId', id, errors, prefix) : null;
  if (errors.length) return failed(errors, raw);

  const present = { event: name, groupId, previousId, userId };
  for (const f of REQUIRED[kind as EventType] ?? [])
    if (!present[f]) errors.push({ path: prefix ? `${prefix}.${f}` : f, message: `is required for ${kind}` });
  if (errors.length) return failed(errors, raw);
  if (!userId && !anonymousId)
    return failed([{ path: prefix ? `${prefix}.userId` : 'userId', message: 'userId or anonymousId is required' }], raw);

  let occurred = timestamp ?? ctx.receivedAt;
  if (timestamp && sentAt instanceof Date) occurred = new Date(ctx.receivedAt.getTime() - (sentAt.getTime() - timestamp.getTime()));
  if (occurred.getTime() > ctx.receivedAt.getTime() + MAX_FUTURE_MS) occurred = ctx.receivedAt;
  if (ctx.oldestAllowed && occurred < ctx.oldestAllowed) {
    const message = `is older than the retention period (events before ${ctx.oldestAllowed.toISOString().slice(0, 10)} are not kept)`;
    return failed([{ path: prefix ? `${prefix}.timestamp` : 'timestamp', message }], raw);
  }
  const ctxObject = context ?? {};
  return {
    ok: true,
    event: {
      type: kind as EventType,
      messageId: messageIdValue ?? crypto.randomUUID(),
      timestamp: occurred.toISOString(),
      receivedAt: (ctx.receivedAtIso ??= ctx.receivedAt.toISOString()),
      sourceId: ctx.sourceId,
      anonymousId,
      userId,
      event: name || null,
      properties: properties ?? {},
      traits: traits ?? {},
      context: ctx.ip && ctxObject.ip === undefined ? { ...ctxObject, ip: ctx.ip } : ctxObject,
      groupId,
      previousId,
    },
  };
}

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Ids: strings (trimmed, at most 255 characters) or numbers, kept as text; blank is absent. */
function id(v: unknown): string | null | Error {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return new Error('must be a string');
  const t = v.trim();
  if (t.length > 255) return new Error('must be at most 255 characters');
  return t === '' ? null : t;
}

function messageIdText(v: unknown): string | Error {
  const t = typeof v === 'string' ? v.trim() : '';
  return t && t.length <= 255 ? t : new Error('must be a string of 1 to 255 characters');
}

const DATE_START = /^\d{4}-\d{2}-\d{2}/;

function isoDate(v: unknown): Date | Error {
  if (typeof v === 'string' && v.length <= 40 && DATE_START.test(v)) {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Error('must be an ISO 8601 date');
}

function text200(v: unknown): string | Error {
  if (typeof v !== 'string') return new Error('must be a string');
  const t = v.trim();
  return t.length > 200 ? new Error('must be at most 200 characters') : t;
}

function object(v: unknown): Raw | Error {
  return isObject(v) ? v : new Error('must be an object');
}

// a NUL, or half of a UTF-16 surrogate pair (PostgreSQL refuses both in text and jsonb)
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A cheap first look: most text has neither a NUL nor any surrogate at all. */
const SUSPECT = /[\0\uD800-\uDFFF]/;
const unstorable = (s: string) => SUSPECT.test(s) && UNSTORABLE.test(s);

/** One pass: counts the characters of keys and strings (to size the event) and spots unstorable text. */
function measure(value: unknown, depth: number, out: { chars: number; bad: boolean }): void {
  if (typeof value === 'string') {
    out.chars += value.length + 3;
    if (unstorable(value)) out.bad = true;
    return;
  }
  if (typeof value !== 'object' || value === null) {
    out.chars += 8;
    return;
  }
  if (depth > 64) {
    out.chars += SURELY_SMALL_CHARS; // absurd nesting: size it exactly
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) measure(item, depth + 1, out);
    return;
  }
  for (const key in value) {
    out.chars += key.length + 4;
    if (unstorable(key)) out.bad = true;
    measure((value as Raw)[key], depth + 1, out);
  }
}

/** Where the unstorable text is (only asked once measure found some). */
function badPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(root)' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, v] of Object.entries(value)) {
    const p = path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return p;
    const found = badPath(v, p);
    if (found) return found;
  }
  return null;
}
