// What the contact and account timelines show, as pure functions: reading each kind's `data` (typed
// loosely by the API, so read defensively), folding a visit's entry touch into its session and a
// form's touch into its submission, grouping by day, and the short texts rows and headers use.
import type { Schemas } from '../../api/client.ts';

export type TimelineItem = Schemas['TimelineItem'];

/** The filter chips: each shows one or more of the API's kinds. Kinds not listed (new ones) show under "All". */
export const KIND_FILTERS = [
  { value: 'session', label: 'Visits', kinds: ['session'] },
  { value: 'touch', label: 'Touches', kinds: ['touch'] },
  { value: 'form_submission', label: 'Form submissions', kinds: ['form_submission'] },
  { value: 'note', label: 'Notes', kinds: ['note'] },
  { value: 'activity', label: 'Activities', kinds: ['activity'] },
  { value: 'event', label: 'Other events', kinds: ['event', 'identify'] },
] as const;

export type KindFilter = (typeof KIND_FILTERS)[number]['value'];

/**
 * The kinds to ask the API for, or null for everything. Visits bring their touches along (to show
 * the channel that opened each visit); `looseTouches` says whether touches also get rows of their own.
 */
export function kindsToFetch(selected: readonly string[]): { kinds: string[] | null; looseTouches: boolean } {
  const chosen = KIND_FILTERS.filter((f) => selected.includes(f.value));
  if (chosen.length === 0) return { kinds: null, looseTouches: true };
  const kinds = new Set<string>(chosen.flatMap((f) => f.kinds));
  const looseTouches = kinds.has('touch');
  if (kinds.has('session') || kinds.has('form_submission')) kinds.add('touch');
  return { kinds: [...kinds].sort(), looseTouches };
}

// ---- reading `data` per kind ----

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export interface PageView {
  occurredAt: string;
  url: string | null;
  title: string | null;
}

export interface SessionData {
  pageViews: number;
  endedAt: string | null;
  landingPage: string | null;
  referrer: string | null;
  pages: PageView[];
}

export function readSession(data: Record<string, unknown>): SessionData {
  const pages = Array.isArray(data.pages)
    ? data.pages.map(record).map((p) => ({ occurredAt: text(p.occurredAt) ?? '', url: text(p.url), title: text(p.title) }))
    : [];
  return {
    pageViews: typeof data.pageViews === 'number' ? data.pageViews : pages.length,
    endedAt: text(data.endedAt),
    landingPage: text(data.landingPage),
    referrer: text(data.referrer),
    pages,
  };
}

export interface TouchData {
  touchKind: string;
  channel: string | null;
  source: string | null;
  medium: string | null;
  campaignId: string | null;
  campaign: string | null;
  content: string | null;
  term: string | null;
  landingPage: string | null;
  referrer: string | null;
  clickIdType: string | null;
  visitId: string | null;
}

/** A timeline touch's data, or a touch from `GET /touches` (same field names, `kind` for the touch kind). */
export function readTouch(data: Record<string, unknown>): TouchData {
  return {
    touchKind: text(data.touchKind) ?? text(data.kind) ?? 'visit',
    channel: text(data.channel),
    source: text(data.source),
    medium: text(data.medium),
    campaignId: text(data.campaignId),
    campaign: text(data.campaign),
    content: text(data.content),
    term: text(data.term),
    landingPage: text(data.landingPage),
    referrer: text(data.referrer),
    clickIdType: text(data.clickIdType),
    visitId: text(data.visitId),
  };
}

export interface EventData {
  name: string | null;
  properties: Record<string, unknown>;
  page: { url: string | null; title: string | null };
}

export function readEvent(data: Record<string, unknown>): EventData {
  const page = record(data.page);
  return { name: text(data.name), properties: record(data.properties), page: { url: text(page.url), title: text(page.title) } };
}

export function readIdentify(data: Record<string, unknown>): { userId: string | null; traits: Record<string, unknown> } {
  return { userId: text(data.userId), traits: record(data.traits) };
}

export function readNote(data: Record<string, unknown>): { body: string; author: { id: string; name: string } | null } {
  const author = record(data.author);
  const id = text(author.id);
  return { body: typeof data.body === 'string' ? data.body : '', author: id ? { id, name: text(author.name) ?? 'Someone' } : null };
}

/** The form a `Form Submitted` event came from (properties recorded by the forms domain). */
export function formOf(properties: Record<string, unknown>): { formId: string | null; formName: string | null; submissionId: string | null } {
  return {
    formId: text(properties.formId),
    formName: text(properties.formName) ?? text(properties.form_name),
    submissionId: text(properties.submissionId),
  };
}

// ---- folding touches into the rows they belong to ----

export interface FeedEntry {
  item: TimelineItem;
  /** A session's entry touch, or the touch a form submission made. */
  touch: TouchData | null;
}

const ENTRY_KINDS = new Set(['visit', 'ad_click']);

/**
 * Items arrive newest first, one row each. A visit's entry touch (and a form submission's touch)
 * describe the same moment as the session (submission) row, so they fold into it instead of
 * repeating it; touches with nothing to fold into stay rows of their own when `looseTouches`.
 */
export function foldTouches(items: readonly TimelineItem[], looseTouches = true): FeedEntry[] {
  const sessions = new Set(items.filter((i) => i.kind === 'session').map((i) => i.id));
  const submissionKey = (contactId: string | null, at: string) => `${contactId ?? ''}|${Date.parse(at)}`;
  const submissions = new Set(items.filter((i) => i.kind === 'form_submission').map((i) => submissionKey(i.contactId, i.occurredAt)));

  // the earliest entry-kind touch of each loaded visit opens it; a later ad click in the visit stays a row
  const entryOf = new Map<string, TimelineItem>();
  const formTouchOf = new Map<string, TimelineItem>();
  for (const item of items) {
    if (item.kind !== 'touch') continue;
    const t = readTouch(item.data);
    if (t.visitId && sessions.has(t.visitId) && ENTRY_KINDS.has(t.touchKind)) {
      const current = entryOf.get(t.visitId);
      if (!current || Date.parse(item.occurredAt) <= Date.parse(current.occurredAt)) entryOf.set(t.visitId, item);
    } else if (t.touchKind === 'form') {
      const key = submissionKey(item.contactId, item.occurredAt);
      if (submissions.has(key) && !formTouchOf.has(key)) formTouchOf.set(key, item);
    }
  }
  const folded = new Set([...entryOf.values(), ...formTouchOf.values()].map((i) => i.id));

  const out: FeedEntry[] = [];
  for (const item of items) {
    if (item.kind === 'touch') {
      if (!folded.has(item.id) && looseTouches) out.push({ item, touch: readTouch(item.data) });
      continue;
    }
    const attached = item.kind === 'session' ? entryOf.get(item.id) : item.kind === 'form_submission' ? formTouchOf.get(submissionKey(item.contactId, item.occurredAt)) : undefined;
    out.push({ item, touch: attached ? readTouch(attached.data) : null });
  }
  return out;
}

// ---- days ----

function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const weekdayDate = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'short', day: 'numeric' });
const fullDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

/** "Today", "Yesterday", "Monday, Nov 3" this year, "Nov 3, 2025" before; in the browser's time zone. */
export function dayLabel(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  const day = localDay(d);
  if (day === localDay(now)) return 'Today';
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (day === localDay(yesterday)) return 'Yesterday';
  return d.getFullYear() === now.getFullYear() ? weekdayDate.format(d) : fullDate.format(d);
}

export interface DayGroup<T> {
  key: string;
  label: string;
  entries: T[];
}

/** Consecutive entries of one local day together (the feed is already newest first). */
export function groupByDay<T>(entries: readonly T[], at: (e: T) => string, now: Date = new Date()): Array<DayGroup<T>> {
  const groups: Array<DayGroup<T>> = [];
  for (const e of entries) {
    const key = localDay(new Date(at(e)));
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.entries.push(e);
    else groups.push({ key, label: dayLabel(at(e), now), entries: [e] });
  }
  return groups;
}

// ---- short texts ----

/** "/pricing?plan=pro" of a URL (the site is usually the same for every page), or the text as it came. */
export function pathOf(url: string | null): string {
  if (!url) return 'an unknown page';
  try {
    const u = new URL(url);
    const params = new URLSearchParams(u.search);
    // campaign tags and click ids are shown elsewhere; they only make paths unreadable
    for (const k of [...params.keys()]) if (/^utm_|clid$|^li_fat_id$|^gbraid$|^wbraid$/i.test(k)) params.delete(k);
    const qs = params.toString();
    return `${u.pathname || '/'}${qs ? `?${qs}` : ''}`;
  } catch {
    return url;
  }
}

/** "linkedin.com" for a referrer URL; null when there is none. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return url;
  }
}

/** How long a visit lasted, from its first to its last page view. */
export function formatDuration(fromIso: string, toIso: string | null): string | null {
  if (!toIso) return null;
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms) || ms < 0) return null;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** "linkedin / paid_social", as analytics tools write source and medium. */
export function sourceMedium(t: Pick<TouchData, 'source' | 'medium'>): string | null {
  if (!t.source && !t.medium) return null;
  return `${t.source ?? '(none)'} / ${t.medium ?? '(none)'}`;
}

/** "Paid Social · q4-launch": the channel, then the campaign (or the source when untagged). */
export function sourceSummary(t: Pick<TouchData, 'channel' | 'campaign' | 'source'>): string {
  return [t.channel ?? 'Unknown', t.campaign ?? t.source].filter(Boolean).join(' · ');
}

const TOUCH_KIND_LABELS: Record<string, string> = { visit: 'Visit', ad_click: 'Ad click', form: 'Form submission', email_click: 'Email click' };

export function touchKindLabel(kind: string): string {
  return TOUCH_KIND_LABELS[kind] ?? humanize(kind);
}

/** "firstName" → "First name", "utm_campaign" → "Utm campaign", "customFields.plan" → "Plan". */
export function humanize(key: string): string {
  const last = key.split('.').pop() ?? key;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** A value as one short line: lists joined, yes/no for booleans, objects as compact JSON. */
export function displayValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(displayValue).filter((p): p is string => p !== null);
    return parts.length ? parts.join(', ') : null;
  }
  const json = JSON.stringify(v);
  return json === '{}' ? null : json;
}

/**
 * Label/value pairs for a record of values (form answers, event properties, traits), blank ones left
 * out, at most `max` (the rest counted). `labels` names keys (form field labels) and orders them first;
 * other keys are humanized.
 */
export function summarizeValues(
  values: Record<string, unknown>,
  opts: { labels?: ReadonlyMap<string, string>; max?: number; skip?: readonly string[] } = {},
): { pairs: Array<{ key: string; label: string; value: string }>; more: number } {
  const pairs: Array<{ key: string; label: string; value: string }> = [];
  for (const [key, raw] of Object.entries(values)) {
    if (opts.skip?.includes(key)) continue;
    const value = displayValue(raw);
    if (value === null) continue;
    pairs.push({ key, label: opts.labels?.get(key) ?? humanize(key), value: value.length > 200 ? `${value.slice(0, 199)}…` : value });
  }
  // in the order the labels come (a form's field order); jsonb does not keep the order answers came in
  const order = [...(opts.labels?.keys() ?? [])];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  pairs.sort((a, b) => rank(a.key) - rank(b.key));
  const max = opts.max ?? pairs.length;
  return { pairs: pairs.slice(0, max), more: Math.max(0, pairs.length - max) };
}

/** A kind the web app has no special row for (activities, stage changes, …): "stage_change" → "Stage change". */
export function kindLabel(kind: string): string {
  return humanize(kind);
}
